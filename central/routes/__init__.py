"""One APIRouter per resource; central.app wires them."""
