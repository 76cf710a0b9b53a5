"""Reading and checking the data: YAML with positions, the typed model, the loader, the rules across
records, and the German messages for editors. Imports nothing from ``ausgaben``."""
