"""The phrases of page chrome, as one table of named regexes (Readability's approach).

Every phrase-level belief prclean holds about chrome is a row here: a reviewer reads it in one
place, and code elsewhere refers to a rule only by its :class:`~prclean.labels.RuleName`. Phrases
are half the evidence: most rules carry a word limit, because the same words inside a long
paragraph are the release talking, not the page. Structural evidence (runs of short items,
repetition, position relative to the dateline) lives in :mod:`prclean.detect.structure`.

Patterns are matched against whitespace-collapsed block text, case-insensitively unless a rule
says ``case=True``. Each rule also lists its *trigger words*: words at least one of which every
match contains (compared on their first :data:`TRIGGER_PREFIX` characters). A line holding none of
them cannot match, so the rule is not run; this keeps the phrase pass cheap on pages of thousands
of lines. ``DIGIT`` stands for "the line holds a digit". A rule without triggers always runs.
tests/vocabulary/test_chrome.py checks every rule's triggers against real lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..labels import Label, RuleName
from ..text import lazy
from .dates import DATE

DIGIT = "0"
"""The trigger key of any line holding a digit (dates and times have no words to trigger on)."""
TRIGGER_PREFIX = 4
"""Trigger words are compared on their first four characters, so inflections share a key."""
DEFAULT_MAX_WORDS = 12
"""Chrome phrases are short lines: beyond a dozen words the same words are prose, unless a rule says."""


@dataclass(frozen=True)
class PhraseRule:
    """A named pattern giving a chrome label.

    ``max_words`` keeps a rule to short blocks; ``anywhere`` lets it remove a block even inside
    the body span (only for patterns that never occur in a release's own prose); ``terminal``
    marks a line after which the release does not continue.
    """

    name: RuleName
    label: Label
    pattern: regex.Pattern[str]
    triggers: frozenset[str] | None
    max_words: int = DEFAULT_MAX_WORDS
    anywhere: bool = False
    terminal: bool = False
    needs: tuple[str, ...] = ()


def trigger_keys(words: str) -> frozenset[str]:
    """The keys a space-separated list of trigger words stands for."""
    return frozenset(w.casefold()[:TRIGGER_PREFIX] for w in words.split())


def _r(name: RuleName, label: Label, pattern: str, *, max_words: int = DEFAULT_MAX_WORDS, anywhere: bool = False,
       terminal: bool = False, case: bool = False, triggers: str | None = None, needs: str = "") -> PhraseRule:
    """A rule; ``needs`` lists (``|``-separated) lowercase ASCII pieces of which every match in ASCII text holds
    one, lowercased: such a line holding none is not searched (for slow patterns with common trigger words)."""
    flags = (0 if case else regex.IGNORECASE)
    keys = trigger_keys(triggers) if triggers is not None else None
    return PhraseRule(name, label, lazy(pattern, flags), keys, max_words, anywhere, terminal,
                      tuple(needs.split("|")) if needs else ())


RULES: tuple[PhraseRule, ...] = (
    # --- wire trailers: put there by the distribution service, never by the issuer -------------
    _r(RuleName.SOURCE_LINE, Label.WIRE_TRAILER, r"^SOURCE:?\s+\S", case=True, max_words=15, anywhere=True,
       terminal=True,
       triggers="source"),
    _r(RuleName.VIEW_ORIGINAL, Label.WIRE_TRAILER,
       r"^(To )?view (the )?(original|source) (content|version|release)|^View source version on"
       r"|^(Originalversion auf|Voir la version originale sur|Vea la versión original en|Veja a versão original em"
       r"|Visualizza la versione originale su|Bekijk de originele versie op)\s+\S+(\s+\w+)?\s*:"
       r"|^businesswire\.com\s*でソースバージョンを見る",
       max_words=40, anywhere=True,
       triggers="view originalversion voir vea veja visualizza bekijk businesswire"),
    # Business Wire's note under a translated release: only the source-language text is authoritative
    _r(RuleName.TRANSLATION_NOTE, Label.WIRE_TRAILER,
       r"source language version of this announcement is the official|"
       r"Ausgangssprache, in der der Originaltext veröffentlicht wird, ist die offizielle|"
       r"seule version du communiqué qui fasse foi|texto original en el idioma fuente de este comunicado|"
       r"testo originale del presente annuncio|本記者発表文の公式バージョンはオリジナル言語版", max_words=90, anywhere=True,
       triggers="source ausgangssprache seule texto testo 本記者発表文の公式バージョンはオリジナル言語版です"),
    _r(RuleName.MEDIA_URL, Label.WIRE_TRAILER, r"^(photos?|logos?|videos?|images?|multimedia)\s*[-–:]\s*https?://",
       max_words=12, anywhere=True,
       triggers="photo logo video image multimedia"),
    _r(RuleName.DOW_JONES_END, Label.WIRE_TRAILER, r"^\(END\) Dow Jones", anywhere=True,
       triggers="end"),
    _r(RuleName.RELATED_LINKS, Label.WIRE_TRAILER, r"^related links:?$", anywhere=True, terminal=True,
       triggers="related"),
    _r(RuleName.WIRE_COPYRIGHT, Label.WIRE_TRAILER,
       r"^(copyright|©).{0,40}(business ?wire|pr ?newswire|globe ?newswire|cision|accesswire|"
       r"ein presswire|news aktuell|marketwired|notified)", max_words=60, anywhere=True, terminal=True,
       triggers=("wire newswire prnewswire globenewswire businesswire cision accesswire presswire aktuell "
                      "marketwired notified")),
    _r(RuleName.OTS_TRAILER, Label.WIRE_TRAILER,
       r"^(Original-?Content von|Originalinhalt von|Pressemitteilung übermittelt durch|"
       r"Ende der Mitteilung|Diese Pressemitteilung wurde via|This press release was (issued|distributed)"
       r" (through|by|via)|Distributed by|Published by)", max_words=40, anywhere=True,
       triggers="original originalcontent originalinhalt pressemitteilung ende diese this distributed published"),
    _r(RuleName.WIRE_DISCLAIMER, Label.WIRE_TRAILER,
       r"^(legal disclaimer|haftungsausschluss|disclaimer)\W*$|provides this (news )?content \W?as is\W?|"
       r"we do not accept any responsibility or liability for the accuracy|"
       r"priority is author transparency|alle angaben ohne gewähr|(dient|ist) nicht als anlageberatung|"
       r"keine anlageberatung|(does not|do not) constitute investment advice|not investment advice",
       max_words=90, anywhere=True, terminal=True,
       triggers="legal haftungsausschluss disclaimer provides we priority alle dient ist keine does do not",
       # its trigger words are common ("we", "do", "not") and it searched long lines at 150 µs each
       needs="disclaimer|haftungsausschluss|provides this|we do not accept|author transparency|angaben ohne|"
             "anlageberatung|investment advice"),
    _r(RuleName.DISTRIBUTION_LINE, Label.WIRE_TRAILER,
       r"^(distribution channels|powered by (ein presswire|\w+ ?wire)|news distributed by|"
       r"this press release (was )?(distributed|issued) by)\b", max_words=40, anywhere=True,
       triggers="distribution powered news this"),
    _r(RuleName.END_MARK, Label.END_MARK, r"^(#{3,}|-{3,}|\*{3,}|-30-|ENDS?\.?)$", anywhere=True),  # "###": no words
    # --- page furniture around the release ----------------------------------------------------
    _r(RuleName.NEWS_PROVIDED_BY, Label.FURNITURE,
       r"^(news |press release |news release )?(provided|distributed|issued) by:?(\s.*)?$"
       r"|^(bereitgestellt|veröffentlicht|herausgegeben) (von|durch)", max_words=10, anywhere=True,
       triggers="provided distributed issued bereitgestellt veröffentlicht herausgegeben"),
    _r(RuleName.INFO_LINE, Label.FURNITURE,
       r"^(date|datum|source|quelle|ort|location|published( on| at)?|posted( on)?|updated( on)?"
       r"|aktualisiert( am)?|veröffentlicht( am)?|erschienen( am)?|stand|pressemitteilung vom"
       r"|release date|lesezeit|reading time)\s*:?\s+\S"
       r"|^(hosted (by|on)|produced by|category|categories|tags?|filed under|kategorie|schlagworte)\s*:\s*\S",
       max_words=10, anywhere=True,
       triggers=("date datum source quelle ort location published posted updated aktualisiert veröffentlicht "
                 "erschienen stand pressemitteilung release lesezeit reading hosted produced category "
                 "categories tag tags filed kategorie schlagworte")),
    _r(RuleName.TIMESTAMP, Label.FURNITURE,
       rf"^(\w+,?\s+)?{DATE}(\s*[,–—-]?\s*(at\s+|um\s+)?\d{{1,2}}[:.]\d{{2}}(:\d{{2}})?(\s*[ap]\.?m\.?)?(\s+[\p{{L}}.]+){{0,4}})?"
       r"(\s*\|.*)?$", max_words=14, anywhere=True,
       triggers=DIGIT),
    _r(RuleName.ATTRIBUTION, Label.FURNITURE, r"^(written|posted|published|submitted|uploaded) (by|on)\b.{0,60}$", max_words=10,
       anywhere=True,
       triggers="written posted published submitted uploaded"),
    _r(RuleName.DATED_LINE, Label.FURNITURE, rf"^[^|]{{1,40}}\|\s*(\w+,?\s+)?{DATE}\W*$|^(\w+,?\s+)?{DATE}\s*\|[^|]{{1,40}}$",
       max_words=12, anywhere=True,
       triggers=DIGIT),
    # "Pressemitteilung Aktuell 02. November 2021": the kind of page and its date, over a headline
    # (a place and a date, "Bad Homburg 29. November 2022", is a dateline and stays)
    _r(RuleName.KICKER_DATE, Label.FURNITURE,
       r"^(press(e)?(mitteilung|meldung|information|info)|press (release|statement)|news( release)?|"
       r"(kurz)?meldung|nachricht|communiqué( de presse)?|comunicado( de prensa)?|comunicato( stampa)?|"
       rf"persbericht|nota de imprensa)(\s+\p{{L}}+)?\s*[-–|:·]?\s*({DATE}|(nr\.?|no\.?|nummer|number|n°|#)\s*\d+(/\d+)?)$",
       max_words=6,
       triggers=("pressemitteilung pressemeldung presseinformation presseinfo press news meldung kurzmeldung "
                   "nachricht communiqué comunicado comunicato persbericht nota")),
    _r(RuleName.PAGE_STATS, Label.FURNITURE,
       r"\b\d[\d.,]*\s*(views|aufrufe|hits|zugriffe|words|wörter|characters|zeichen|comments|kommentare|"
       r"likes|shares|reads)\b.{0,80}\b\d[\d.,]*\s*(views|aufrufe|words|wörter|characters|zeichen|comments|"
       r"kommentare|likes|shares|links)\b", max_words=25, anywhere=True,
       triggers=DIGIT),
    _r(RuleName.PLACE_LINE, Label.FURNITURE,  # "Cambridge, Massachusetts, UNITED STATES" under a wire headline
       r"^\p{Lu}[\p{L}.' -]{1,30}(?:,\s*[\p{L}.' -]{2,30}){0,2},\s*\p{Lu}{4,}(?:\s\p{Lu}{2,})*$", case=True,
       max_words=8, anywhere=True),
    _r(RuleName.READ_TIME, Label.FURNITURE, r"^\d+\s*(min(ute)?s?\.?( read)?|minuten lesezeit)$|\b\d+\s*min(ute)?s?\.?\s+read$|"
       r"\blesezeit:?\s*(etwa\s+|ca\.\s*)?\d+\s*min", max_words=16, anywhere=True,
       triggers="0 lesezeit"),
    _r(RuleName.BYLINE, Label.BYLINE,
       r"^(?i:by|von|par|por|di|door|written by|autor(in)?|author)\s*:?\s+\p{Lu}[\p{L}.'-]+"
       r"((\s+|\s*(&|(?i:and|und)|,)\s*)((de|da|di|del|della|van|von|der|den|le|la|du|dos|das|ten|ter)\s+)*"
       r"\p{Lu}[\p{L}.'-]+){0,5}"
       r"(,\s*[\w-]{2,20})?$",  # names are capitalised: matched case-sensitively ("author: Take some credit.")
       max_words=8, terminal=True, case=True,
       triggers="by von par por di door written autor autorin author"),  # a byline after prose starts another article
    # a lone print or share control is never the release's text, wherever the renderer put it
    _r(RuleName.SHARE_CONTROL, Label.SHARE, r"^(drucken|print|teilen|share|tweet|imprimer|partager|imprimir|compartir|"
       r"stampa|condividi|afdrukken|delen|seite drucken|artikel drucken|print this (page|article))$",
       max_words=3, anywhere=True,
       triggers=("drucken print teilen share tweet imprimer partager imprimir compartir stampa condividi "
                     "afdrukken delen seite artikel")),
    _r(RuleName.FONT_SIZE, Label.SHARE, r"^(font ?size|schriftgröße|textgröße|text size)\b", max_words=8, anywhere=True,
       triggers="font fontsize schriftgröße textgröße text"),
    # --- share widgets ----------------------------------------------------------------------
    _r(RuleName.SHARE, Label.SHARE,
       r"^(share( this| on| via| to)?( article| release| page| story| post)?:?|share (to|on|via|with) ?[\w+]*|teilen|"
       r"(auf|via) \w+ teilen|partager|compartir|condividi|delen|tweet|print( this( page| article)?)?|"
       r"drucken|seite drucken|e-?mail( this)?|per e-?mail (senden|versenden)|pin it|whatsapp|facebook|"
       r"twitter|x|linkedin|xing|pinterest|google\+|reddit|copy link|link kopieren|bookmark|"
       r"send to a friend|empfehlen|artikel empfehlen|download pdf|pdf|als pdf|instagram|youtube|threads|"
       r"(visit|follow|find) us on( social media)?:?|folgen sie uns( auf)?:?|social media:?|"
       r"シェア(する)?|ツイート|いいね|印刷|分享(到)?|打印|"
       r"((share|teilen|condividi|partager|compartir|compartilhar|delen|dela|jaa)( this)?\s*:?\s*)?"
       r"((facebook|twitter|x|linkedin|xing|whatsapp|e-?mail|print|pinterest|reddit|instagram|youtube|"
       r"threads|bluesky|mastodon|telegram)\W*\s*){2,10}|"
       # "Condividi su LinkedIn Condividi su X Invia per e-mail": share buttons spelled out
       r"(((share|teilen|condividi|partager|compartir|compartilhar|delen)\s+(on|via|to|su|sur|en|em|auf|op)\s+\S+"
       r"|(invia|inviare|envoyer|enviar|send|senden|versenden)\s+(per|par|por|by|via)\s+e-?mail)\W*\s*){2,10})$",
       max_words=16,
       triggers=("share teilen auf via partager compartir condividi delen tweet print drucken seite e email mail per "
             "pin whatsapp facebook twitter x linkedin xing pinterest google reddit copy link bookmark send invia envoyer enviar "
             "empfehlen artikel download pdf als instagram youtube threads bluesky mastodon telegram visit follow "
             "find folgen social "
             "シェア ツイート いいね 印刷 分享 打印")),
    # --- related releases and teasers -------------------------------------------------------
    _r(RuleName.RELATED_HEADING, Label.RELATED,
       r"^(also from this source|more (news |press )?releases? from( this source)?|more by this source|"
       r"more from\b.*|related (news|articles?|releases?|stories|posts|content|press releases|topics)|"
       r"news releases in similar topics|see more news releases in|view all news by|view more news|"
       r"explore|trending( now| topics)?|recommended( for you)?|most (popular|read)|latest (news|releases)|"
       r"read more|weiterlesen|mehr (erfahren|lesen|zum thema)|weitere (meldungen|pressemitteilungen|"
       r"artikel|nachrichten|informationen)|ähnliche (artikel|meldungen|beiträge)|"
       r"das könnte sie (auch )?interessieren|aktuelle (meldungen|pressemitteilungen)|"
       r"à lire aussi|voir aussi|noticias relacionadas|artículos relacionados|leia também|"
       r"articoli correlati|関連(記事|ニュース)|相关(新闻|文章|阅读)|recent (news|posts|articles|releases|stories)|"
       r"weitere topthemen|this article appears in|top \d+:? .{0,40}pressemitteilungen|"
       r"(alle|weitere|mehr) (pressemitteilungen|meldungen|news|nachrichten|artikel|beiträge)|"
       r"(other|more|latest) (press releases|news releases|news|stories|articles)|weitere storys|more stories|"
       r"(altri|ultimi) (comunicati|articoli|notizie)|(autres|derniers) (communiqués|articles|actualités)|"
       r"(otros|más|últimos) (comunicados|artículos|noticias)|(outros|mais|últimos) (comunicados|artigos|notícias)|"
       r"(andere|meer|laatste) (persberichten|nieuwsberichten|artikelen|nieuws)|"
       r"attachments?|anhänge?|pièces jointes|adjuntos|allegati|bijlagen|(online-)?pressemappe\b.*)"
       r"(\s+(von|der|des|zu|zum|zur|aus|from|by|about|on|in)\b.{0,80}|:\s*.{0,80})?\W*$", max_words=14, terminal=True,
       triggers=("also more related news see view explore trending recommended most latest read weiterlesen "
                       "mehr weitere ähnliche das aktuelle à voir noticias artículos leia articoli 関連 相关 recent "
                       "this top alle other attachment attachments anhang anhänge pièces adjuntos allegati bijlagen "
                       "online pressemappe altri ultimi autres derniers otros más últimos outros mais andere meer "
                       "laatste")),
    _r(RuleName.ISSUER_RESPONSIBILITY, Label.WIRE_TRAILER,
       r"für den inhalt (der|dieser) (pressemitteilung|meldung|mitteilung) ist .{0,80}verantwortlich|"
       r"(the )?(issuer|company|publisher) is solely responsible for the content", max_words=60, anywhere=True,
       terminal=True,
       triggers="für issuer company publisher"),
    # --- ads and promos -----------------------------------------------------------------------
    _r(RuleName.PROMO_CTA, Label.AD,
       r"\b(request a demo|more press release views|subscribe (now|to|for)|sign up (now|for|to)|"
       r"get (the|our) (free|latest)|jetzt (abonnieren|anmelden|registrieren)|newsletter abonnieren|"
       r"start (your )?free trial)\b", max_words=14, anywhere=True,
       triggers="request more subscribe sign get jetzt newsletter start"),
    _r(RuleName.PROMO, Label.AD,
       r"\b(request a demo|more press release views|advertisement|anzeige$|werbung$|sponsored|"
       r"subscribe( now| to)?|newsletter|sign up|jetzt (abonnieren|anmelden)|free trial|"
       r"get started|start today|custom packages|membership|submit your (press )?release)", max_words=20,
       triggers=("request more advertisement anzeige werbung sponsored subscribe newsletter sign jetzt free get start "
             "custom membership submit")),
    # --- the site's own contact widgets -------------------------------------------------------
    _r(RuleName.SITE_CONTACT, Label.CONTACT_WIDGET,
       r"^(call|contact|chat with)\b.{0,40}\b(at|us|an expert)\b|\bfrom \d{1,2}\s?(am|pm)|"
       r"\b\d{1,2}\s?(am|pm)\s?[-–]\s?\d{1,2}\s?(am|pm)|\b(opening hours|öffnungszeiten|"
       r"general inquiries|worldwide offices|editorial bureaus|media inquiries|contact us|kontaktformular|"
       r"email us here|contact the author)",
       max_words=12,
       triggers=("call contact chat phone tel from am pm opening öffnungszeiten general worldwide editorial "
                    "media kontaktformular email")),
    # --- captions and credits -----------------------------------------------------------------
    _r(RuleName.CAPTION_CREDIT, Label.CAPTION,
       r"^(©\s*(?!\d)[^/\s][^/]{0,50}/\s*\p{Lu}[^/]{0,40}$|©\s*\S.*\b(photo|foto|video|image|bild)s?\b|(photo|foto|bild|image|video|credit|bildquelle|"
       r"fotocredit|quelle)\s*(:|©)\s*\S|click to enlarge|zum vergrößern|watch in realplayer|"
       r"download (image|photo|video|hi-?res)|\[?(image|bild|photo|foto)\]?$)", max_words=15, anywhere=True,
       triggers="© photo foto video image bild credit bildquelle fotocredit quelle click zum watch download"),
    _r(RuleName.CAPTION_CREDIT_END, Label.CAPTION,
       r"(?:[.,;|/–—-]\s*|\(\s*|^)(?:foto|photo|bild|image|picture|credit|quelle|source|fotograf|photographer"
       r"|©)\s*[:©]\s*[^\s:][^:]{0,50}\)?$|\((?:archivaufnahme|archivbild|symbolbild|symbolfoto|archive photo"
       r"|file photo|stock photo|illustration)\)$", max_words=30, anywhere=True,
       triggers=("foto photo bild image picture credit quelle source fotograf photographer © "
                          "archivaufnahme archivbild symbolbild symbolfoto archive file stock illustration")),
    _r(RuleName.IMAGE_CONTROL, Label.SHARE,
       r"\b(?:(?:bild|foto|photo|image|video|pressefoto|grafik)[- ]?(?:herunterladen|download|infos?|vergrößern|"
       r"anzeigen|ansehen|galerie)|download (?:pressefoto|bild|foto|image|photo|hi-?res\w*|high[- ]res\w*))\b"
       r"|^(?:enlarge( image| photo)?|vergrößern|zoom)$"
       # "Scarica il comunicato in PDF · Scarica le immagini": downloads offered by the site
       r"|^(?:(?:scarica|télécharger|telecharger|descargar|baixar|download|herunterladen|downloaden)\b[^.!?]{0,60}"
       r"(?:pdf|immagini|images|imágenes|imagens|fotos?|photos?|bilder|afbeeldingen)\W*)+$",
       max_words=14, anywhere=True,
       triggers="bild foto photo image video pressefoto grafik download enlarge vergrößern zoom scarica télécharger "
                "telecharger descargar baixar herunterladen downloaden"),
    # a caption's label, or how a group photo's caption opens ("Von links nach rechts: ...", "From left: ...")
    _r(RuleName.CAPTION_LABEL, Label.CAPTION,
       r"^(?:bu|bildunterschrift|caption|legende|pie de foto)\s*:|^(?:von links(?: nach rechts)?|v\.\s?l\.\s?n\.\s?r\."
       r"|from left(?: to right)?|\(?l-r\)?|de gauche à droite|da sinistra(?: a destra)?|de izquierda a derecha)\s*:",
       max_words=80, anywhere=True,
       triggers="bu bildunterschrift caption legende pie von v from l de da"),
    _r(RuleName.CAPTION_UPPER, Label.CAPTION, r"^(VIDEO|PHOTO|IMAGE|FOTO|BILD|AUDIO)\s*:", case=True, max_words=80,
       anywhere=True,
       triggers="video photo image foto bild audio"),
    # --- footers and legal ------------------------------------------------------------------
    _r(RuleName.COPYRIGHT, Label.FOOTER, r"^(©|\(c\)|copyright\b|版权所有|版權所有|著作権)", max_words=25, anywhere=True,
       triggers="© c copyright 版权所有 版權所有 著作権"),
    _r(RuleName.ALL_RIGHTS, Label.FOOTER,
       r"\b(all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)",
       max_words=25,
       triggers="all alle tous todos"),
    _r(RuleName.LEGAL_LINK, Label.FOOTER,
       r"^(terms( of (use|service))?|terms (and|&) conditions|privacy( policy| statement| notice)?|"
       r"datenschutz(erklärung|hinweise)?|impressum|imprint|legal( notice)?|site ?map|sitemap|"
       r"accessibility( statement)?|barrierefreiheit|erklärung zur barrierefreiheit|"
       r"back to top|nach oben|seitenanfang|zum seitenanfang|top of page|"
       r"do not sell.*|information security policy|rss( feeds?)?|agb|nutzungsbedingungen|"
       r"mentions légales|aviso legal|política de privacidad|cookies|サイトマップ|プライバシーポリシー|"
       r"個人情報保護方針|利用規約|ご利用にあたって|ページの先頭へ|トップへ戻る|隐私政策|使用条款|网站地图|"
       r"返回顶部)\W*$", max_words=8,
       triggers=("terms privacy datenschutz impressum imprint legal site sitemap accessibility barrierefreiheit "
                  "erklärung back nach seitenanfang zum top do information rss agb nutzungsbedingungen mentions "
                  "aviso política cookies サイトマップ プライバシーポリシー 個人情報保護方針 利用規約 ご利用にあたって "
                  "ページの先頭へ トップへ戻る 隐私政策 使用条款 网站地图 返回顶部")),
    # --- cookie banners and consent dialogs ---------------------------------------------------
    _r(RuleName.COOKIE, Label.COOKIE,
       r"\bcookies?\b.*\b(use|uses|using|verwende|nutzen|setzt|utilis|accept|akzept|consent|"
       r"einwillig|setting|einstellung|browser|website|webseite|privacy|datenschutz)"
       r"|\b(use|uses|using|verwende\w*|nutz\w*|utilis\w*) (of )?cookies\b|(クッキー|cookie).{0,40}(使用|利用|同意)"
       r"|使用(cookie|クッキー)", max_words=90, anywhere=True,
       triggers="cookie cookies クッキー 使用"),
    _r(RuleName.CONSENT_PLACEHOLDER, Label.COOKIE,
       r"\b(privatsphäre|privacy|datenschutz)\b.{0,200}\b(einverständnis|einwilligung|consent|zustimmung)\b|"
       r"\b(datenschutzeinstellungen|privacy settings|manage consent|einwilligung widerrufen)\b|"
       r"^(\w+ )?(inhalte? )?(freischalten|entsperren|aktivieren und laden)$", max_words=70, anywhere=True,
       triggers=("privatsphäre privacy datenschutz datenschutzeinstellungen manage einwilligung "
                           "freischalten entsperren aktivieren")),
    # raw HTML shown as text (an embed's placeholder, a form a renderer printed): never release prose
    _r(RuleName.RAW_MARKUP, Label.EMBED,
       r"^</?(div|form|input|label|blockquote|span|iframe|button|textarea|select|option|script|noscript|img|ul|li|"
       r"section|article|nav|header|footer|table|tr|td|style|link|meta|a|p)(\s[^<>]*)?/?>|^</?[a-z][\w-]*\s+"
       r"(class|id|data-[\w-]+|style|href|src)=[\"']", max_words=200, anywhere=True,
       triggers=("div form input label blockquote span iframe button textarea select option script noscript img "
                  "ul li section article nav header footer table tr td style link meta a p")),
    _r(RuleName.CONSENT_BUTTON, Label.COOKIE,
       r"^(accept( all)?( cookies)?|reject( all)?|decline|alle akzeptieren|akzeptieren|ablehnen|"
       r"einverstanden|zustimmen|ok|got it|verstanden|manage (preferences|settings)|"
       r"cookie[- ]?(settings|einstellungen|preferences)|einstellungen|tout accepter|aceptar|同意する|同意|接受)\W*$",
       max_words=4,
       triggers=("accept reject decline alle akzeptieren ablehnen einverstanden zustimmen ok got verstanden "
                      "manage cookie einstellungen tout aceptar 同意 接受")),
    # --- site banners -------------------------------------------------------------------------
    _r(RuleName.SITE_BANNER, Label.BANNER,
       r"\b(we('| a)re (building|launching|redesigning|updating) (a |our )?new|pardon our dust|"
       r"pages will be in transition|javascript (is )?(disabled|required|deaktiviert)|"
       r"your browser is (out of date|outdated|not supported)|beta version|neue website)", max_words=30,
       anywhere=True,
       triggers="we building launching redesigning updating pardon pages javascript your beta neue"),
    # --- navigation -----------------------------------------------------------------------------
    _r(RuleName.BREADCRUMB, Label.MENU, r"^(sie sind hier|you are here|vous êtes ici|usted está aquí|está aqui|ti trovi in|"
       r"u bent hier|breadcrumb|現在位置|当前位置)\s*:", max_words=40, anywhere=True,
       triggers="sie you vous usted está ti u breadcrumb 現在位置 当前位置"),
    _r(RuleName.NAV_WORD, Label.MENU,
       r"^(skip( to)?( main)? (navigation|content|to content)|skip navigation|springe? (direkt )?zu:?|"
       r"zum inhalt|zur navigation|navigation( und service)?|hauptmenü|main menu|menü|menu|"
       r"toggle navigation|close|schließen|search|suche|suchen|go!?|advanced search|search for:?|"
       r"sign in|log ?in|login|register|client login|anmelden|registrieren|send a (news )?release|"
       r"sie sind hier:?|you are here:?|home|startseite|zur startseite|previous|next|zurück|weiter|"
       r"vorherige|nächste|mehr|more|overview|übersicht|breadcrumb|servicemenü|footer|fußbereich|"
       r"dehaze|add_box|logo|\.{3}|×|メインコンテンツへスキップ|本文へスキップ|ホーム|メニュー|検索|检索|搜索|"
       r"首页|跳到主要内容)\W*$", max_words=8,
       triggers=("skip springe spring zum zur navigation hauptmenü main menü menu toggle close schließen search "
                "suche suchen go advanced sign log login register client anmelden registrieren send sie you home "
                "startseite previous next zurück weiter vorherige nächste mehr more overview übersicht breadcrumb "
                "servicemenü footer fußbereich dehaze add_box logo メインコンテンツへスキップ 本文へスキップ ホーム "
                "メニュー 検索 检索 搜索 首页 跳到主要内容")),
)
