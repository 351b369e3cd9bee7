"""Inputs read into articles: files and folders (files), JSON records (json_records, json_positions),
Markdown (markdown) and HTML (html) read into prose whose offsets map back to the source (positions)."""
