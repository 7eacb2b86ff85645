"""Reading images safely: formats, decoding, metadata, colour and renditions."""
