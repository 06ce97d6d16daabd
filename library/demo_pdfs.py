"""Real, small PDF files for the demo content, written with fpdf2 (a development dependency):
ordinary documents, and an Easy Read document with large type and simple pictures.

Text is left uncompressed so the words can be found in the raw bytes, which keeps the files easy
to check and easy for a text extractor to read. The core Helvetica font covers Latin-1 only, so
every string is checked before it is written.
"""

import datetime
from functools import cache

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


def new_document(title, author):
    """An A4 document with its first page open, its properties set the same on every run."""
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
    return pdf


# The same arguments always give the same bytes, so a process that loads the demo more than once
# (the test suite does, many times) renders each PDF once.
@cache
def render_pdf(title, paragraphs, *, subtitle="", author="Practice Development Unit"):
    """A one- or two-page A4 document: a title, an optional subtitle, then the paragraphs."""
    pdf = new_document(title, author)

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


# Easy Read --------------------------------------------------------------------------------------

EASY_READ_PICTURES = ("house", "person", "people", "speech")
PICTURE_SIZE = 30  # millimetres
STEP_HEIGHT = PICTURE_SIZE + 5


def draw_person(pdf, x, y, size):
    """A head and shoulders."""
    head = size * 0.36
    pdf.ellipse(x + (size - head) / 2, y, head, head, style="DF")
    pdf.ellipse(x + size * 0.15, y + head + 1, size * 0.7, size * 0.6, style="DF")


def draw_picture(pdf, picture, x, y, size=PICTURE_SIZE):
    """A simple line drawing, as Easy Read documents put beside each sentence."""
    pdf.set_draw_color(11, 12, 12)
    pdf.set_fill_color(210, 226, 241)
    pdf.set_line_width(0.8)
    if picture == "house":
        pdf.polygon(
            [(x, y + size * 0.45), (x + size / 2, y), (x + size, y + size * 0.45)], style="DF"
        )
        pdf.rect(x + size * 0.1, y + size * 0.45, size * 0.8, size * 0.55, style="DF")
        pdf.rect(x + size * 0.42, y + size * 0.7, size * 0.16, size * 0.3, style="D")
    elif picture == "person":
        draw_person(pdf, x, y, size)
    elif picture == "people":
        draw_person(pdf, x - size * 0.15, y + size * 0.1, size * 0.8)
        draw_person(pdf, x + size * 0.35, y + size * 0.1, size * 0.8)
    elif picture == "speech":
        pdf.ellipse(x, y, size, size * 0.65, style="DF")
        pdf.polygon(
            [
                (x + size * 0.2, y + size * 0.55),
                (x + size * 0.1, y + size),
                (x + size * 0.45, y + size * 0.6),
            ],
            style="DF",
        )
    else:
        raise ValueError(f"No Easy Read picture called {picture!r}")


@cache
def render_easy_read_pdf(title, steps, *, author="Practice Development Unit"):
    """An Easy Read document: large type and one short sentence per line, each beside a simple
    picture. `steps` is a tuple of (picture, sentence); pictures are EASY_READ_PICTURES."""
    pdf = new_document(title, author)

    pdf.set_font("Helvetica", style="B", size=24)
    pdf.multi_cell(0, 12, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)

    text_x = pdf.l_margin + PICTURE_SIZE + 10
    for picture, sentence in steps:
        if pdf.will_page_break(STEP_HEIGHT):
            pdf.add_page()
        top = pdf.get_y()
        draw_picture(pdf, picture, pdf.l_margin, top)
        pdf.set_xy(text_x, top + 4)
        pdf.set_font("Helvetica", size=16)
        pdf.multi_cell(0, 9, latin1(sentence), new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(max(pdf.get_y(), top + STEP_HEIGHT))

    pdf.ln(4)
    pdf.set_font("Helvetica", style="I", size=11)
    pdf.multi_cell(0, 6, FOOTER, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
