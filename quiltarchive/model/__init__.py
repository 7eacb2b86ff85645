"""Domain records: plain frozen dataclasses the storage layer returns and the core uses."""
