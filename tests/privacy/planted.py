"""The personal values planted in ``tests/privacy/planted`` and where they are, written out by
hand (not found with graphmap's own patterns, so a pattern that misses one fails the tests).

Each item is ``(value, table, column)``; the publication log must name every ``(table,
column)`` with a rule.
"""

from __future__ import annotations

from pathlib import Path

WORKSPACE = Path(__file__).resolve().parent / "planted"

#: E-mail addresses, phone numbers, postal codes and street addresses.
CONTACTS: tuple[tuple[str, str, str], ...] = (
    # A named column: Courriel.
    ("info@cdc-lacclair.example.org", "actors", "Courriel"),
    ("dg@mrc-collines.example.ca", "actors", "Courriel"),
    ("dons@boreale.example.org", "actors", "Courriel"),
    ("grange@coop-grange.example.ca", "actors", "Courriel"),
    ("recherche@unord.example.ca", "actors", "Courriel"),
    ("caisse@desjardins-collines.example.com", "actors", "Courriel"),
    ("rachel.caron@courriel.example.com", "actors", "Courriel"),
    ("louis.bergeron@courriel.example.com", "actors", "Courriel"),
    ("gilles.cote@courriel.example.com", "actors", "Courriel"),
    ("amina.diallo@courriel.example.com", "actors", "Courriel"),
    ("paul.roy@courriel.example.com", "actors", "Courriel"),
    ("ines.morin@conseil.example.com", "actors", "Courriel"),
    ("olivier.levesque@conseil.example.com", "actors", "Courriel"),
    # A named column: Téléphone, in every way people write a number.
    ("819 555-0101", "actors", "Téléphone"),
    ("(819) 555-0103", "actors", "Téléphone"),
    ("+1 514 555 0104", "actors", "Téléphone"),
    ("819.555.0105", "actors", "Téléphone"),
    ("819-555-0107 poste 2210", "actors", "Téléphone"),
    ("1-819-555-0108", "actors", "Téléphone"),
    ("819-555-0190", "actors", "Téléphone"),
    ("819 555 0192", "actors", "Téléphone"),
    ("819-555-0193", "actors", "Téléphone"),
    ("819-555-0194", "actors", "Téléphone"),
    ("514-555-0195", "actors", "Téléphone"),
    ("514-555-0196", "actors", "Téléphone"),
    # A named column: Adresse (street addresses with postal codes).
    ("12, rue Principale", "actors", "Adresse"),
    ("J0T 1A0", "actors", "Adresse"),
    ("J9P 2B2", "actors", "Adresse"),
    ("H2Z 1A1", "actors", "Adresse"),
    ("8, rue des Érables", "actors", "Adresse"),
    # Unnamed columns: Info, Notes, a project's Description, a relation's Suivi.
    ("accueil@cdc-lacclair.example.org", "actors", "Info"),
    ("direction@mrc-collines.example.ca", "actors", "Info"),
    ("subventions@boreale.example.org", "actors", "Info"),
    ("ventes@coop-grange.example.ca", "actors", "Info"),
    ("819 555 0106", "actors", "Info"),
    ("lucie.belanger@unord.example.ca", "actors", "Info"),
    ("rachel.c@maison.example.net", "actors", "Info"),
    ("819-555-0102", "actors", "Notes"),
    ("819 555 0191", "actors", "Notes"),
    ("amina.d@jardin.example.com", "projects", "Description"),
    ("819 555-0197", "projects", "Description"),
    ("suivi@cdc-lacclair.example.org", "relations", "Suivi"),
    ("819-555-0198", "relations", "Suivi"),
    ("819 555 0199", "relations", "Suivi"),
)

#: Contact persons named in a contact column of organisations.
CONTACT_PERSONS: tuple[tuple[str, str, str], ...] = (
    ("Julie Gagnon", "actors", "Personne-ressource"),
    ("Marc-André Tremblay", "actors", "Personne-ressource"),
    ("Sophie Lavoie", "actors", "Personne-ressource"),
    ("Pierre Gauthier", "actors", "Personne-ressource"),
    ("Lucie Bélanger", "actors", "Personne-ressource"),
)

#: Persons who are actors: their names (in the name column, and again in free text:
#: an organisation's Notes, a project's Description and Responsable) and their ids.
PERSONS: tuple[tuple[str, str, str], ...] = (
    ("Rachel Caron", "actors", "name"),
    ("Louis Bergeron", "actors", "name"),
    ("Gilles Côté", "actors", "name"),
    ("Amina Diallo", "actors", "name"),
    ("Paul Roy", "actors", "name"),
    ("Inès Morin", "actors", "name"),
    ("Olivier Lévesque", "actors", "name"),
)
PERSON_IDS = ("c-rachel", "c-louis", "c-gilles", "c-amina", "c-paul", "i-ines", "i-olivier")
#: Where the persons' names appear again, in free text.
NAMES_IN_TEXT: tuple[tuple[str, str, str], ...] = (
    ("Rachel Caron", "actors", "Notes"),
    ("Amina Diallo", "projects", "Description"),
    ("Amina Diallo", "projects", "Responsable"),
    ("Rachel Caron", "projects", "Responsable"),
)
#: The citizen whose profile is unique: no relation at all (aggregated, never shown alone).
UNIQUE_CITIZEN = "c-gilles"
#: A citizen who agreed to be named (public = oui), and the organisations: named everywhere.
NAMED = ("Hélène Bouchard", "CDC du Lac-Clair", "MRC des Collines", "Fondation Boréale",
         "Coop La Grange", "Université du Nord", "Caisse Desjardins des Collines")

ALL_PLANTED = CONTACTS + CONTACT_PERSONS + PERSONS + NAMES_IN_TEXT
