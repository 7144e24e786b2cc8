"""Writers of the document: Markdown through Jinja2 templates, .docx through python-docx."""
