"""Producing the outputs from the one loaded model: components, pages' derived files, the whole
document, the search words, the delivered assets, the check of what was built, and publishing."""
