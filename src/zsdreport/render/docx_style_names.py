"""The style names and sizes the writer uses: what a build needs without making the styles."""

from __future__ import annotations

from zsdreport.document.outline import Kind

BODY_PT = 16  # 3号
TABLE_PT = 14  # 4号: a five-column table fits the 156 mm text width

# Style names per block kind; built-in names where Word has one (Word shows them translated).
STYLE_NAMES: dict[Kind, str] = {
    "title": "Title",
    "recipient": "Salutation",
    "body": "Body Text",
    "heading1": "heading 1",
    "heading2": "heading 2",
    "item": "条目",
    "subitem": "子条目",
    "point": "要点",
    "signature": "署名",
    "date": "成文日期",
}
BLANK_STYLE = "Normal"
FOOTER_STYLE = "footer"
LEAD_STYLE = "段内标题"
TABLE_CAPTION_STYLE = "表题"
TABLE_TEXT_STYLE = "表格文字"
TABLE_HEADER_STYLE = "表格表头"
