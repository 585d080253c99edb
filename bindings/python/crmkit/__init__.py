"""crmkit: customer-relationship analytics for embedding, over the crmkit C API (ctypes).

    import crmkit
    s = crmkit.value.summarize(customers, times, amounts, unit="week", merge_same_day=True)
    s.frequency, s.recency, s.T, s.monetary_value   # NumPy arrays

Errors raise crmkit.Error (a subclass per C status code) with the library's message.
"""
from ._lib import (  # noqa: F401
    __version__,
    BufferTooSmall,
    CorruptData,
    Error,
    InvalidArgument,
    InvalidState,
    IoError,
    NotConverged,
    OutOfMemory,
    ParseError,
    library_path,
    library_version,
    parse_time,
)
from . import value  # noqa: F401,E402
from . import decision  # noqa: F401,E402
from . import io  # noqa: F401,E402
from . import contact  # noqa: F401,E402
from . import quality  # noqa: F401,E402
from . import process  # noqa: F401,E402
from . import complaint  # noqa: F401,E402
