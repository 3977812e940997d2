"""The words people write for each vocabulary code, French and English (graphmap.schema
matches them folded: case, accents, spaces, hyphens and apostrophes do not matter), and the
messages of the vocabulary area (issue 15, intake as people fill workbooks).

A word goes in only when its meaning is unambiguous; the comments name the words refused
and why. docs/workspace-format.md §5 lists every one (tests/validation/
test_vocabulary_synonyms.py checks that docs and table agree)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {}

#: Vocabulary class name -> code -> the other spellings of that code, as written.
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    # A bare OBNL/OSBL (a legal form) is community, as most community organisations are;
    # one that runs an enterprise is an "entreprise d'économie sociale" or an "OBNL
    # d'économie sociale": social_economy, with cooperatives and mutuals (docs §5).
    # Refused as ambiguous: "éducation", "école" (public or private), "collège" (a cégep or
    # a private secondary school), "santé", "corporation" (a CDC is community), "société",
    # "provincial"/"fédéral" alone (a scope in the wrong column), "ONG".
    "Sector": {
        "public": (
            "publics", "publique", "publiques", "municipalité", "municipalités",
            "secteur public", "public sector", "organisme public",
            "organismes publics", "public body", "municipal", "municipale", "municipaux",
            "municipales", "municipality",
            "municipalities", "ville", "villes", "city", "MRC", "MRCs",
            "municipalité régionale de comté", "gouvernement", "gouvernements",
            "gouvernemental", "gouvernementale", "government", "gouvernement du Québec",
            "gouvernement provincial", "gouvernement fédéral", "ministère", "ministères",
            "ministry", "santé publique", "public health", "CISSS", "CIUSSS"),
        "private": (
            "privée", "privés", "privées", "secteur privé", "private sector", "entreprise",
            "entreprises", "entreprise privée", "entreprises privées", "PME", "business",
            "businesses", "company", "companies", "compagnie", "compagnies", "commerce",
            "commerces", "commerçant", "commerçants", "à but lucratif", "for-profit"),
        "philanthropic": (
            "philanthropiques", "philanthropie", "philanthropy", "fondation", "fondations",
            "foundation", "foundations", "fondation privée", "private foundation",
            "fondation communautaire", "community foundation"),
        "community": (
            "communautaires", "organisme communautaire", "organismes communautaires",
            "community organization", "community organisation", "OBNL", "OSBL",
            "organisme à but non lucratif", "organismes à but non lucratif",
            "organisme sans but lucratif", "non-profit", "nonprofit", "association",
            "associations", "association professionnelle", "professional association",
            "syndicat", "syndicats", "labour union", "labor union", "trade union",
            "bénévoles", "volunteers", "groupe citoyen", "groupes citoyens",
            "groupe de citoyens", "comité citoyen", "citizen group", "citizen groups",
            "action communautaire"),
        "social_economy": (
            "coopérative", "coopératives", "cooperative", "cooperatives", "co-operative",
            "coop", "coops", "co-op", "coopérative de solidarité",
            "coop de solidarité", "mutuelle", "mutuelles", "mutual",
            "entreprise d'économie sociale", "entreprises d'économie sociale", "EÉS",
            "OBNL d'économie sociale", "entreprise sociale", "entreprises sociales",
            "social enterprise", "social enterprises", "économie sociale et solidaire",
            "ESS", "pôle d'économie sociale"),
        "academic": (
            "universitaires", "académique", "académiques", "université", "universités",
            "university", "universities", "cégep", "cégeps", "recherche", "research",
            "centre de recherche", "research centre", "research center",
            "chaire de recherche", "research chair", "chercheur", "chercheuse",
            "chercheurs", "researcher", "researchers", "CCTT", "enseignement supérieur",
            "higher education"),
        "media": (
            "média", "médias communautaires", "community media", "journal", "journaux",
            "newspaper", "radio", "radio communautaire", "télévision communautaire",
            "journal communautaire", "télévision", "television", "TV", "presse", "press"),
        "citizen": (
            "citoyenne", "citoyens", "citoyennes", "citizens", "individu", "individus",
            "individual", "individuals", "particulier", "particuliers", "résident",
            "résidente", "résidents", "résidentes", "resident", "residents"),
    },
    "Category": {
        "organization": ("organisations", "organizations", "institution", "institutions",
                         "organisme", "organismes"),
        "individual": (
            "individus", "individuals", "person", "persons", "personne", "personnes",
            "personne physique", "particulier", "particuliers", "citoyen", "citoyenne",
            "citizen"),
        "group": (
            "groupes", "groups", "collectif", "collectifs", "collective", "comité",
            "comités", "committee", "coalition", "coalitions"),
    },
    # An MRC-wide actor is local: its own territory is the MRC (scope reaches beyond the
    # actor's territory or not). Québec-wide is provincial, Canada-wide national.
    # Refused: "international" (no code of its own), "Québec" alone (the city or the
    # province), "interrégional" (between regional and provincial).
    "Scope": {
        "local": (
            "locaux", "locales", "municipal", "municipale", "quartier", "neighbourhood",
            "neighborhood", "MRC", "supralocal", "supralocale", "supra-local"),
        "regional": (
            "régional", "régionaux", "régionales", "région", "region",
            "région administrative", "regionwide"),
        "provincial": (
            "provinciaux", "provinciales", "province", "provincewide", "tout le Québec",
            "ensemble du Québec", "Québec-wide"),
        "national": (
            "nationaux", "nationales", "Canada", "pancanadien", "pancanadienne",
            "pan-Canadian", "canadien", "canadienne", "fédéral", "fédérale", "federal",
            "nationwide", "Canada-wide"),
    },
    # Refused as ambiguous: "lancement" (a start or a roll-out), "évaluation" and
    # "diffusion" (any step), "planification", "mise en œuvre" (a pilot or a roll-out).
    "Stage": {
        "emergence": (
            "émergent", "émergente", "en émergence", "démarrage", "en démarrage",
            "idéation", "ideation", "idée", "idea", "amorçage", "early stage"),
        "mobilization": (
            "en mobilisation", "concertation", "en concertation", "co-construction",
            "coconstruction"),
        "feedback": (
            "pilote", "pilot", "projet pilote", "projets pilotes", "pilot project",
            "pilot projects", "phase pilote", "pilot phase", "piloting",
            "expérimentation", "expérimentations", "experimentation", "en expérimentation",
            "expérimental", "expérimentale", "experimental", "prototype", "prototypage",
            "prototyping", "essai", "essais", "mise à l'essai", "trial", "testing"),
        "appropriation": (
            "adoption", "déploiement", "en déploiement", "deployment", "mise à l'échelle",
            "scaling", "scaling up", "scale-up", "essaimage", "consolidation",
            "pérennisation", "implantation", "implementation"),
    },
    # A type names the role of the source: passive forms ("porté par", "financé par",
    # "funded by") would reverse the relation and are refused, and so are verbs whose past
    # participle folds onto them ("subventionne", "accompagne", "intègre"). Refused as
    # ambiguous: "adopter" (a French verb, or an English noun for both kinds of adopter),
    # "utilise" and "user" (integrates it, or uses it directly), "participant", "aide".
    "RelationType": {
        "carries": (
            "carry", "carrier", "carriers", "porteur", "porteuse", "porteurs", "porteuses",
            "porteur de projet", "porteuse de projet", "lead", "leads", "chef de file",
            "promoteur", "promotrice", "promoteurs", "initiateur", "initiatrice"),
        "funds": (
            "fund", "fonds", "funder", "funders", "funding", "finances", "financement",
            "financements", "financeur", "financeurs", "financier", "partenaire financier",
            "partenaires financiers", "financial partner", "bailleur", "bailleurs",
            "bailleur de fonds", "bailleurs de fonds", "subvention", "subventions",
            "grant", "grants", "grantor", "donateur", "donatrice",
            "donateurs", "donor", "donors", "don", "dons", "donation", "commanditaire",
            "commandite", "sponsor", "investisseur", "investor"),
        "supports": (
            "support", "soutien", "soutiens", "partenaire de soutien",
            "partenaires de soutien", "support partner", "soutien technique",
            "technical support", "accompagnement", "accompagnateur",
            "accompagnatrice", "appui", "appuie", "appuis", "mentor", "mentorat", "mentoring",
            "coaching"),
        "adopts": (
            "adopt", "preneur", "preneuse", "preneur utilisateur", "utilisateur",
            "utilisatrice", "utilisateurs", "adoptant", "integrates"),
        "benefits": (
            "benefit", "bénéficiaire", "bénéficiaires", "preneur bénéficiaire",
            "bénéficie de", "beneficiary", "beneficiaries", "benefits from"),
        "collaborates": (
            "collaborate", "collaboration", "collaborations", "collaborateur",
            "collaboratrice", "collaborateurs", "collaborator", "partenaire",
            "partenaires", "partenariat", "partenariats", "partner", "partners",
            "partnership", "coopère", "coopération", "cooperates", "cooperation"),
        "member_of": (
            "member", "members", "membre de", "membre du", "membre des", "membres",
            "adhérent", "adhérente", "adhère", "adhésion", "affilié", "affiliée",
            "affiliation", "affiliated", "fait partie de", "part of"),
    },
}

#: Words of a clear meaning not accepted, only suggested as their code (none at present;
#: a word waits here while a fixture of another area still plants it as a mistake).
HELD_BACK: dict[str, dict[str, tuple[str, ...]]] = {}
