"""Messages of the generate area: the synthetic ecosystem generator and its command."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "generate.help": {
        "fr": (
            "Générer un écosystème synthétique réaliste (mêmes arguments, mêmes octets) et "
            "l'écrire en espace de travail CSV dans le dossier OUT : actors.csv, "
            "projects.csv et relations.csv. Degrés à longue traîne comme chez les vrais "
            "bailleurs de fonds, plusieurs territoires, les quatre étapes, et quelques "
            "manques volontaires (projets sans bailleur, acteurs isolés, petit groupe "
            "coupé du reste).\n\n\b\n"
            "Exemple : graphmap generate --actors 100000 --projects 25000 "
            "--relations 500000 --seed 1 /tmp/eco"
        ),
        "en": (
            "Generate a realistic synthetic ecosystem (same arguments, same bytes) and write "
            "it as a CSV workspace in folder OUT: actors.csv, projects.csv and relations.csv. "
            "Heavy-tailed degrees like real funders, several territories, all four stages, "
            "and a few gaps on purpose (projects without funder, isolated actors, a small "
            "cluster cut off from the rest).\n\n\b\n"
            "Example: graphmap generate --actors 100000 --projects 25000 "
            "--relations 500000 --seed 1 /tmp/eco"
        ),
    },
    "generate.short_help": {
        "fr": "Générer un écosystème synthétique (espace de travail CSV).",
        "en": "Generate a synthetic ecosystem (a CSV workspace).",
    },
    "generate.actors_help": {
        "fr": "Nombre d'acteurs (au moins 1).",
        "en": "Number of actors (at least 1).",
    },
    "generate.projects_help": {
        "fr": "Nombre de projets (au moins 1). Par défaut : un projet pour {actors_per_project} acteurs.",
        "en": "Number of projects (at least 1). Default: one project per {actors_per_project} actors.",
    },
    "generate.relations_help": {
        "fr": "Nombre de relations (lignes de relations.csv). Par défaut : {relations_per_actor} par acteur.",
        "en": "Number of relations (rows of relations.csv). Default: {relations_per_actor} per actor.",
    },
    "generate.seed_help": {
        "fr": "Graine du hasard (entier positif ou nul) : même graine, même écosystème.",
        "en": "Random seed (a non-negative integer): same seed, same ecosystem.",
    },
    "generate.force_help": {
        "fr": (
            "Écrire même si OUT n'est pas vide (remplace actors.csv, projects.csv, relations.csv)."
        ),
        "en": (
            "Write even if OUT is not empty (replaces actors.csv, projects.csv, relations.csv)."
        ),
    },
    "generate.progress_label": {
        "fr": "Génération ({step})",
        "en": "Generating ({step})",
    },
    "generate.step.actors": {"fr": "acteurs", "en": "actors"},
    "generate.step.projects": {"fr": "projets", "en": "projects"},
    "generate.step.relations": {"fr": "relations", "en": "relations"},
    "generate.done": {
        "fr": "{actors}, {projects} et {relations} écrits dans {path}",
        "en": "Wrote {actors}, {projects} and {relations} to {path}",
    },
    "generate.error_too_small": {
        "fr": "{option} vaut {value}, mais doit être au moins {minimum}.",
        "en": "{option} is {value} but must be at least {minimum}.",
    },
    # {actors}, {projects}: counted nouns; {count} relations, with the verb agreeing.
    "generate.error_too_many_relations": {
        "fr": {"one": "{count} relation ne tient pas entre {actors} et {projects} sans "
                      "doublon (au plus {maximum}).",
               "other": "{count} relations ne tiennent pas entre {actors} et {projects} sans "
                        "doublon (au plus {maximum})."},
        "en": {"one": "{count} relation does not fit between {actors} and {projects} without "
                      "duplicates (at most {maximum}).",
               "other": "{count} relations do not fit between {actors} and {projects} "
                        "without duplicates (at most {maximum})."},
    },
    "generate.error_not_empty": {
        "fr": (
            "Le dossier {path} n'est pas vide ; choisissez un autre dossier ou ajoutez "
            "--force pour remplacer ses fichiers CSV."
        ),
        "en": (
            "Folder {path} is not empty; choose another folder or add --force to replace "
            "its CSV files."
        ),
    },
    "generate.error_not_a_folder": {
        "fr": "{path} existe et n'est pas un dossier.",
        "en": "{path} exists and is not a folder.",
    },
}
