"""The whole Handlungskonzept as one accessible PDF: the chapters' HTML in, ``handlungskonzept.pdf`` out.

``dokument`` assembles one HTML document from the pages' content (cover, contents, chapters,
the source text as appendix); ``pdf`` renders it with WeasyPrint as tagged PDF/UA-1 and keeps
the result in a cache keyed by the hash of everything that goes in.
"""

#: Where the PDF is published, relative to the site root.
PFAD = "handlungskonzept.pdf"
