"""The thumbnail grid: its model over photo ids, its delegate, its view and thumbnail loading."""
