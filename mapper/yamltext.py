"""Loading untrusted YAML and JSON (ledgers, events, claimant registries) within bounds.

YAML aliases are refused: a few hundred bytes of nested aliases (a "billion
laughs") expand to gigabytes, and a ledger has no need of them. Nesting is
bounded in both formats, so a crafted file cannot exhaust the stack.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import LedgerError

__all__ = ["MAX_DEPTH", "load_yaml", "load_json"]

#: Deepest nesting of lists and mappings accepted; a ledger needs 3.
MAX_DEPTH = 20


def load_yaml(text: str, *, label: str) -> Any:
    """The document in ``text``, built only after its events are checked: no alias, no deep nesting."""
    import yaml  # 0.03 s to import: only a YAML file pays for it

    _Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    depth = 0
    try:
        # The event stream is flat: checking it costs no more than reading the
        # text, and nothing is expanded or built before the checks pass.
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise LedgerError(f"{label}: line {event.start_mark.line + 1}: YAML aliases (*{event.anchor}) "
                                  "are not accepted; write the value out in full")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise LedgerError(f"{label}: line {event.start_mark.line + 1}: nested more than "
                                      f"{MAX_DEPTH} levels deep; a ledger is a list of flat rows")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
        return yaml.load(text, Loader=_Loader)
    except LedgerError:
        raise
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).split())
        if "maximum nesting depth" in message:
            # PyYAML 6.0.4 and later stop deep nesting themselves, before our
            # count sees it: the same refusal, in our words.
            raise LedgerError(f"{label}: nested more than {MAX_DEPTH} levels deep; "
                              "a ledger is a list of flat rows") from None
        raise LedgerError(f"{label}: not valid YAML: {message}") from None
    except (ValueError, OverflowError, TypeError, RecursionError) as exc:
        # A value YAML parses but Python cannot hold, e.g. a timestamp that
        # leaves the calendar once its offset is applied.
        raise LedgerError(f"{label}: a value cannot be read: {exc}") from None


def load_json(text: str, *, label: str) -> Any:
    """The JSON document in ``text``, nested at most MAX_DEPTH levels."""
    try:
        doc = json.loads(text)
    except RecursionError:
        raise LedgerError(f"{label}: nested more than {MAX_DEPTH} levels deep; "
                          "a ledger is a list of flat rows") from None
    except ValueError as exc:
        raise LedgerError(f"{label}: not valid JSON: {exc}") from None
    stack = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            if depth > MAX_DEPTH:
                raise LedgerError(f"{label}: nested more than {MAX_DEPTH} levels deep; "
                                  "a ledger is a list of flat rows")
            items = value.values() if isinstance(value, dict) else value
            stack.extend((v, depth + 1) for v in items)
    return doc
