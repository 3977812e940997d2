"""Component labels read from the igraph copy (once built) are scipy's labels."""

from __future__ import annotations

import dataclasses

from scipy.sparse.csgraph import connected_components

from graphmap.analysis.gaps import ecosystem_gaps
from graphmap.analysis.summary import summarize
from graphmap.model.compiled import EcosystemGraph
from graphmap.model.records import Actor, Project
from graphmap.schema import Sector, Stage
from graphmap.synth import generate_dataset


def test_labels_with_and_without_the_igraph_copy_are_scipys():
    dataset = generate_dataset(600, 150, 900, seed=8)  # sparse: many components
    dataset = dataclasses.replace(
        dataset, actors=(*dataset.actors, Actor("0-alone", "Seul", Sector.MEDIA)),
        projects=(*dataset.projects, Project("0-projet", "Projet", Stage.EMERGENCE)))
    scipy_labels = connected_components(EcosystemGraph(dataset).csr(), directed=False)[1]
    plain, built = EcosystemGraph(dataset), EcosystemGraph(dataset)
    built.igraph()
    assert scipy_labels.max() > 10
    assert plain.component_labels().tolist() == scipy_labels.tolist()
    assert built.component_labels().tolist() == scipy_labels.tolist()
    assert built.component_labels().dtype == scipy_labels.dtype
    assert summarize(built) == summarize(plain)
    assert ecosystem_gaps(built) == ecosystem_gaps(plain)
