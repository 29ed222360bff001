"""A second constructed article, written apart from ``framing_article`` so that the rendering check
is not fitted to one text: a fictional breakaway territory (en pivot, de and sr versions, one link
per sentence). The planted copy changes the German version twice: "the breakaway territory" is once
"the independent state", and the territory's name once gains "the so-called Republic"; another copy
drops "breakaway" once from the Serbian version."""

from __future__ import annotations

from align.model import Alignment, Document, DocumentSet, Link, Sentence

EN = [
    "The breakaway territory of Varnia held elections on Sunday.",
    "The government in Lorsk does not recognise the vote in Varnia.",
    "Observers from the United Nations were not allowed into the breakaway territory.",
    "The leader of Varnia said the elections were free and fair.",
    "Lorsk called the vote in the breakaway territory illegal.",
    "Trade across the river has fallen since the war.",
    "Many families in Varnia have relatives in Lorsk.",
    "The United Nations asked both sides to keep talking.",
    "Soldiers still guard the bridge over the river.",
    "The leader of Varnia wants closer ties with Moscow.",
    "Lorsk says the breakaway territory is part of its land.",
    "Talks between the two sides will resume in spring.",
]
DE = [
    "Das abtrünnige Gebiet Varnia hielt am Sonntag Wahlen ab.",
    "Die Regierung in Lorsk erkennt die Abstimmung in Varnia nicht an.",
    "Beobachter der Vereinten Nationen durften das abtrünnige Gebiet nicht betreten.",
    "Der Anführer von Varnia sagte, die Wahlen seien frei und fair gewesen.",
    "Lorsk nannte die Abstimmung in dem abtrünnigen Gebiet illegal.",
    "Der Handel über den Fluss ist seit dem Krieg zurückgegangen.",
    "Viele Familien in Varnia haben Verwandte in Lorsk.",
    "Die Vereinten Nationen forderten beide Seiten auf, weiter zu verhandeln.",
    "Soldaten bewachen noch immer die Brücke über den Fluss.",
    "Der Anführer von Varnia will engere Beziehungen zu Moskau.",
    "Lorsk sagt, das abtrünnige Gebiet sei Teil seines Landes.",
    "Die Gespräche zwischen beiden Seiten werden im Frühjahr fortgesetzt.",
]
SR = [
    "Otcepljena teritorija Varnija održala je izbore u nedelju.",
    "Vlada u Lorsku ne priznaje glasanje u Varniji.",
    "Posmatračima Ujedinjenih nacija nije dozvoljen ulazak na otcepljenu teritoriju.",
    "Vođa Varnije rekao je da su izbori bili slobodni i pošteni.",
    "Lorsk je glasanje na otcepljenoj teritoriji nazvao nezakonitim.",
    "Trgovina preko reke opala je od rata.",
    "Mnoge porodice u Varniji imaju rođake u Lorsku.",
    "Ujedinjene nacije zatražile su od obe strane da nastave razgovore.",
    "Vojnici i dalje čuvaju most preko reke.",
    "Vođa Varnije želi bliže veze sa Moskvom.",
    "Lorsk kaže da je otcepljena teritorija deo njegove zemlje.",
    "Razgovori dveju strana biće nastavljeni na proleće.",
]
PLANTED = {
    4: "Lorsk nannte die Abstimmung in dem unabhängigen Staat illegal.",
    9: "Der Anführer der sogenannten Republik Varnia will engere Beziehungen zu Moskau.",
}

# the Serbian version with a qualifier dropped: "the breakaway territory" as "the territory"
DROPPED = {10: "Lorsk kaže da je teritorija deo njegove zemlje."}


def breakaway_set(planted: bool, dropped: bool = False) -> DocumentSet:
    """The article in en, de and sr; ``planted``: the de version with the two changes; ``dropped``:
    the sr version with its qualifier dropped."""
    de = [PLANTED.get(i, s) if planted else s for i, s in enumerate(DE)]
    sr = [DROPPED.get(i, s) if dropped else s for i, s in enumerate(SR)]
    docs = {
        lang: Document(lang, [Sentence(t, 0) for t in texts])
        for lang, texts in (("en", EN), ("de", de), ("sr", sr))
    }
    links = [Link((i,), (i,), 0.9) for i in range(len(EN))]
    return DocumentSet("breakaway", docs, [Alignment("en", lang, links) for lang in ("de", "sr")])
