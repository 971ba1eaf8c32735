"""Service catalog: item model, loading and validation, pinyin search, guidance and queue numbers."""
