"""Demo translations: the home page, the events page and one event in Polish and Urdu.

Made with wagtail-localize, as an editor's would be, so the translation editor opens them with
these strings filled in. Strings without a translation here (slugs, for example) stay English.
Existing translations are left alone, so running the demo again adds nothing. The wording is
machine-assisted and needs a fluent speaker's review before real use.
"""

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

# English text -> translation, per language code.
STRINGS = {
    "pl": {
        "Practice Development Unit": "Practice Development Unit (Jednostka Rozwoju Praktyki)",
        "Since 2017 the Practice Development Unit has brought together people from Nottingham's "
        "voluntary and statutory services to learn, side by side, how to support people facing "
        "multiple disadvantage.": (
            "Od 2017 roku Practice Development Unit łączy osoby z organizacji pozarządowych i "
            "służb publicznych w Nottingham, aby razem uczyły się, jak wspierać ludzi "
            "zmagających się z wieloma trudnościami naraz."
        ),
        "Join our free online hub": "Dołącz do naszego bezpłatnego serwisu dla członków",
        "Members watch recordings of past webinars, use the e-learning suite and hear about new "
        "events first. It is free.": (
            "Członkowie oglądają nagrania webinarów, korzystają z kursów e-learningowych i "
            "pierwsi dowiadują się o nowych wydarzeniach. Członkostwo jest bezpłatne."
        ),
        "Find out how to join": "Dowiedz się, jak dołączyć",
        "Events": "Wydarzenia",
        "Learning events, webinars and Community of Practice meetings for people who work with "
        "adults facing multiple disadvantage in Nottingham. All are free for members of the hub.": (
            "Szkolenia, webinary i spotkania wspólnot praktyków dla osób pracujących z dorosłymi, "
            "którzy zmagają się z wieloma trudnościami w Nottingham. Wszystkie są bezpłatne dla "
            "członków serwisu."
        ),
        "Trauma-informed care: an introduction": "Opieka uwzględniająca traumę: wprowadzenie",
        "What trauma-informed care means in everyday practice, for workers new to the idea and "
        "those who want a refresher.": (
            "Czym jest opieka uwzględniająca traumę w codziennej pracy: dla osób, które dopiero "
            "poznają to podejście, i dla tych, które chcą odświeżyć wiedzę."
        ),
        "We talk about childhood abuse and its effects in adult life.": (
            "Będziemy mówić o przemocy w dzieciństwie i jej skutkach w dorosłym życiu."
        ),
        "How past trauma can show up as missed appointments, anger or withdrawal, and small "
        "changes that make services feel safer.": (
            "Jak dawna trauma może objawiać się opuszczonymi wizytami, złością lub wycofaniem, "
            "oraz jakie drobne zmiany sprawiają, że usługi wydają się bezpieczniejsze."
        ),
        "You will leave with a short checklist to try in your own service.": (
            "Wyjdziesz z krótką listą kontrolną do wypróbowania we własnej organizacji."
        ),
    },
    "ur": {
        "Practice Development Unit": "پریکٹس ڈیولپمنٹ یونٹ",
        "Since 2017 the Practice Development Unit has brought together people from Nottingham's "
        "voluntary and statutory services to learn, side by side, how to support people facing "
        "multiple disadvantage.": (
            "2017 سے پریکٹس ڈیولپمنٹ یونٹ ناٹنگھم کی رضاکار اور سرکاری خدمات کے لوگوں کو اکٹھا کر "
            "رہا ہے تاکہ وہ مل کر سیکھیں کہ کئی مشکلات کا سامنا کرنے والے لوگوں کی مدد کیسے کی جائے۔"
        ),
        "Join our free online hub": "ہمارے مفت آن لائن ہب میں شامل ہوں",
        "Members watch recordings of past webinars, use the e-learning suite and hear about new "
        "events first. It is free.": (
            "اراکین پچھلے ویبینارز کی ریکارڈنگز دیکھتے ہیں، ای لرننگ کورسز استعمال کرتے ہیں اور نئی "
            "تقریبات کے بارے میں سب سے پہلے جانتے ہیں۔ یہ مفت ہے۔"
        ),
        "Find out how to join": "شامل ہونے کا طریقہ جانیں",
        "Events": "تقریبات",
        "Learning events, webinars and Community of Practice meetings for people who work with "
        "adults facing multiple disadvantage in Nottingham. All are free for members of the hub.": (
            "ناٹنگھم میں کئی مشکلات کا سامنا کرنے والے بالغ افراد کے ساتھ کام کرنے والوں کے لیے "
            "تربیتی تقریبات، ویبینارز اور کمیونٹی آف پریکٹس کی میٹنگز۔ ہب کے اراکین کے لیے سب مفت ہیں۔"
        ),
        "Trauma-informed care: an introduction": "صدمے سے آگاہ نگہداشت: ایک تعارف",
        "What trauma-informed care means in everyday practice, for workers new to the idea and "
        "those who want a refresher.": (
            "روزمرہ کام میں صدمے سے آگاہ نگہداشت کا کیا مطلب ہے: ان کارکنوں کے لیے جو اس خیال سے نئے "
            "ہیں اور ان کے لیے جو اپنی معلومات تازہ کرنا چاہتے ہیں۔"
        ),
        "We talk about childhood abuse and its effects in adult life.": (
            "ہم بچپن میں ہونے والی زیادتی اور بالغ زندگی پر اس کے اثرات کے بارے میں بات کریں گے۔"
        ),
        "How past trauma can show up as missed appointments, anger or withdrawal, and small "
        "changes that make services feel safer.": (
            "پرانا صدمہ کیسے چھوٹی ہوئی ملاقاتوں، غصے یا کنارہ کشی کی صورت میں سامنے آ سکتا ہے، اور "
            "وہ چھوٹی تبدیلیاں جو خدمات کو زیادہ محفوظ محسوس کراتی ہیں۔"
        ),
        "You will leave with a short checklist to try in your own service.": (
            "آپ اپنی سروس میں آزمانے کے لیے ایک مختصر چیک لسٹ کے ساتھ جائیں گے۔"
        ),
    },
}


def translate(instance, locale, strings):
    """Translate `instance` into `locale` with `strings`, unless it is translated already."""
    if instance.has_translation(locale):
        return instance.get_translation(locale)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                },
            )
    # Saved as a draft, then published here: wagtail-localize publishes after the transaction
    # commits, from a copy that would undo the parent's count of children made since.
    source.create_or_update_translation(locale, publish=False, fallback=True)
    translation = instance.get_translation(locale)
    translation.get_latest_revision().publish()
    return translation


def build(home, events_index, event):
    """Translate the pages in order: a translation needs its parent translated first."""
    for code, strings in STRINGS.items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:  # the language is switched off on this site
            continue
        for page in (home, events_index, event):
            translate(page, locale, strings)
