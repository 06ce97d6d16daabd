"""Real, small PDF files for the demo content, written with fpdf2 (a development dependency).

Text is left uncompressed so the words can be found in the raw bytes, which keeps the files easy
to check and easy for a text extractor to read. The core Helvetica font covers Latin-1 only, so
every string is checked before it is written.
"""

import datetime

# Fixed, so that the same text always gives the same file.
CREATED = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
FOOTER = (
    "Demo content for PDU Hub, the website of the Practice Development Unit, Nottingham. "
    "The people and organisations named in it are invented."
)


def latin1(text):
    """Return `text` unchanged, or raise if the PDF's core font cannot draw it."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError as error:
        raise ValueError(f"Demo PDF text must be Latin-1: {text[:60]!r}") from error
    return text


def render_pdf(title, paragraphs, *, subtitle="", author="Practice Development Unit"):
    """A one- or two-page A4 document: a title, an optional subtitle, then the paragraphs."""
    from fpdf import FPDF  # only needed when demo content is loaded

    pdf = FPDF(format="A4")
    pdf.set_compression(False)
    pdf.set_creation_date(CREATED)
    pdf.set_title(latin1(title))
    pdf.set_author(latin1(author))
    pdf.set_creator("PDU Hub demo content")
    pdf.set_margins(22, 22, 22)
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.add_page()

    pdf.set_font("Helvetica", style="B", size=18)
    pdf.multi_cell(0, 9, latin1(title), new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.ln(2)
        pdf.set_font("Helvetica", style="I", size=12)
        pdf.multi_cell(0, 7, latin1(subtitle), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, latin1(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)

    pdf.ln(6)
    pdf.set_font("Helvetica", style="I", size=9)
    pdf.multi_cell(0, 5, FOOTER, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
