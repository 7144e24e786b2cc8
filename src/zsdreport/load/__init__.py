"""Reading data files: bytes → text → strict YAML → plain data with source locations."""
