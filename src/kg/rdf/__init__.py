"""The RDF export and import: a ``KnowledgeGraph`` as Turtle, as an rdflib graph, and back.

Modelling (see ``ontology/kg.ttl``):

- each entity is typed with one of the five classes and labelled (``skos:prefLabel`` and
  ``rdfs:label`` in ``@zh-Hans``; ``skos:altLabel`` for every alias in ``@zh-Hans`` and for every
  original traditional form in ``@zh-Hant``);
- each fact is a direct triple between two entity IRIs, and beside it an n-ary ``kg:Fact`` node
  (IRI: a hash of subject, predicate, object, role and year) with ``kg:subject``,
  ``kg:predicate``, ``kg:object``, the qualifiers ``kg:role`` and ``kg:year``, and one
  ``kg:evidence`` link per sentence that states it;
- each evidence is a ``kg:Evidence`` node (IRI: a hash of document, offsets and sentence) with
  ``oa:start``/``oa:end`` (offsets into the original file text), ``oa:exact`` (the sentence) and
  ``prov:wasDerivedFrom`` the ``kg:Document`` node, which has the document id, the file name and
  the SHA-256 of the file; ``oa:prefix``/``oa:suffix`` hold the text around the sentence;
- each entity is ``prov:wasDerivedFrom`` the documents that name it, with one ``kg:mention``
  link per span naming it: a ``kg:Mention`` node (IRI: a hash of entity, document and offsets)
  with ``oa:start``/``oa:end`` and ``prov:wasDerivedFrom`` the document.

There are no blank nodes. :func:`describe` states the modelling once, node by node;
:func:`to_rdflib` builds its graph from it. The Turtle writer :func:`to_turtle` is this module's
own (rdflib's serialiser takes ~45 s for a million triples): it writes the same triples from
string templates, several times faster than going through the description, and a test checks
that the two agree. It writes subjects sorted by IRI within five sections (documents, entities,
facts, evidence, mentions), predicates in a fixed order and objects sorted, so the same graph always gives
the same bytes. IRIs under the base are written relative to an ``@base`` declaration,
vocabulary IRIs as prefixed names.

Modules: ``terms`` (the terms as strings, IRI and literal syntax), ``describe`` (the node
descriptions and rdflib), ``turtle`` (the writer, other formats), ``read`` (loading back).
"""
from __future__ import annotations

from .describe import Gazetteer, describe, to_rdflib
from .read import from_rdflib, load
from .terms import Node
from .turtle import OTHER_FORMATS, escape_literal, to_format, to_turtle, valid_iri, write_turtle

__all__ = ["Gazetteer", "Node", "OTHER_FORMATS", "describe", "escape_literal", "from_rdflib",
           "load", "to_format", "to_rdflib", "to_turtle", "valid_iri", "write_turtle"]
