"""A constructed news article (en pivot, de and sq versions, one link per sentence) and a copy whose
Albanian version plants framing divergences: "unilaterally declared independence", "Prime Minister of
the provisional institutions", "Republic of Kosovo" and "border" rendered as "administrative line"."""

from __future__ import annotations

from align.model import Alignment, Document, DocumentSet, Link, Sentence

EN = [
    "Kosovo declared independence from Serbia in 2008.",
    "The Prime Minister of Kosovo met the President of Serbia in Brussels on Monday.",
    "The talks in Brussels were about the northern border.",
    "Serbia does not recognise the independence of Kosovo.",
    "The Prime Minister said the border would stay open.",
    "Police officers were sent to the northern border.",
    "The European Union supports the talks between Kosovo and Serbia.",
    "The President of Serbia said Kosovo declared independence without the consent of Belgrade.",
    "Local people blocked the roads near the border with trucks.",
    "The police removed the trucks on Tuesday.",
    "The European Union called for calm in the north.",
    "The talks will continue next month in Brussels.",
]
DE = [
    "Kosovo erklärte 2008 die Unabhängigkeit von Serbien.",
    "Der Ministerpräsident des Kosovo traf am Montag in Brüssel den Präsidenten Serbiens.",
    "Bei den Gesprächen in Brüssel ging es um die nördliche Grenze.",
    "Serbien erkennt die Unabhängigkeit des Kosovo nicht an.",
    "Der Ministerpräsident sagte, die Grenze bleibe offen.",
    "Polizisten wurden an die nördliche Grenze geschickt.",
    "Die Europäische Union unterstützt die Gespräche zwischen Kosovo und Serbien.",
    "Der Präsident Serbiens sagte, Kosovo habe die Unabhängigkeit ohne die Zustimmung Belgrads erklärt.",
    "Anwohner blockierten die Straßen nahe der Grenze mit Lastwagen.",
    "Die Polizei entfernte die Lastwagen am Dienstag.",
    "Die Europäische Union rief im Norden zur Ruhe auf.",
    "Die Gespräche werden nächsten Monat in Brüssel fortgesetzt.",
]
SQ = [
    "Kosova shpalli pavarësinë nga Serbia në vitin 2008.",
    "Kryeministri i Kosovës takoi të hënën në Bruksel presidentin e Serbisë.",
    "Bisedimet në Bruksel ishin për kufirin verior.",
    "Serbia nuk e njeh pavarësinë e Kosovës.",
    "Kryeministri tha se kufiri do të mbetet i hapur.",
    "Policët u dërguan në kufirin verior.",
    "Bashkimi Evropian i mbështet bisedimet mes Kosovës dhe Serbisë.",
    "Presidenti i Serbisë tha se Kosova shpalli pavarësinë pa pëlqimin e Beogradit.",
    "Banorët vendas bllokuan rrugët pranë kufirit me kamionë.",
    "Policia i largoi kamionët të martën.",
    "Bashkimi Evropian bëri thirrje për qetësi në veri.",
    "Bisedimet do të vazhdojnë muajin e ardhshëm në Bruksel.",
]
PLANTED = {
    0: "Kosova shpalli në mënyrë të njëanshme pavarësinë nga Serbia në vitin 2008.",
    1: "Kryeministri i institucioneve të përkohshme të Kosovës takoi të hënën në Bruksel "
    "presidentin e Serbisë.",
    3: "Serbia nuk e njeh pavarësinë e Republikës së Kosovës.",
    4: "Kryeministri tha se vija administrative do të mbetet e hapur.",
}


def framing_set(planted: bool) -> DocumentSet:
    """The article in en, de and sq; ``planted``: the sq version with the framing divergences."""
    sq = [PLANTED.get(i, s) if planted else s for i, s in enumerate(SQ)]
    docs = {
        lang: Document(lang, [Sentence(t, 0) for t in texts])
        for lang, texts in (("en", EN), ("de", DE), ("sq", sq))
    }
    links = [Link((i,), (i,), 0.9) for i in range(len(EN))]
    return DocumentSet("framing", docs, [Alignment("en", lang, links) for lang in ("de", "sq")])
