"""Map dated, sourced claims of the Armenia–Azerbaijan conflict.

    from gazetteer import Gazetteer
    from mapper import analyse, read_ledger, write_outputs

    ledger = read_ledger("claims.csv")
    analysis = analyse(ledger, gaz := Gazetteer())
    write_outputs(analysis, gaz, Path("output"), "claims", title="Claims")
"""

from .analysis import FLAGS, Analysis, analyse
from .errors import LedgerError, MapperError, RenderError
from .ledger import Claim, ClaimantRegistry, Ledger, read_events, read_ledger
from .outputs import write_outputs
from .render import ClaimsLayer, build_map

__all__ = [
    "read_ledger", "read_events", "analyse", "write_outputs", "build_map", "ClaimsLayer",
    "Analysis", "Claim", "Ledger", "ClaimantRegistry", "FLAGS",
    "MapperError", "LedgerError", "RenderError",
]
