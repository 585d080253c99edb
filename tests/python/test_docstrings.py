"""Every public name of the crmkit package has a docstring, found by walking the package
(so a function added later without one fails here). Public means: a name without a leading
underscore that a package __init__ re-exports, or that a public module defines itself
(a ctypes struct a module merely imports from crmkit._lib is not part of its API)."""
import importlib
import inspect
import pkgutil

import crmkit
import crmkit._lib


def _public_modules():
    yield crmkit
    for info in pkgutil.walk_packages(crmkit.__path__, "crmkit."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


def _is_package(module):
    return hasattr(module, "__path__")


def _members(cls):
    """Public methods and properties a class defines itself."""
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        if isinstance(value, property) or inspect.isfunction(value):
            yield name, value


def public_names():
    """(qualified name, object) of every public module, class, function, method, property."""
    seen = set()
    for module in _public_modules():
        yield module.__name__, module
        for name in sorted(vars(module)):
            obj = getattr(module, name)
            if name.startswith("_") or not (inspect.isclass(obj) or inspect.isfunction(obj)):
                continue
            home = getattr(obj, "__module__", "") or ""
            if not home.startswith("crmkit"):
                continue
            if not _is_package(module) and home != module.__name__:
                continue  # imported into a module for its own use
            qualified = "%s.%s" % (module.__name__, name)
            if id(obj) in seen:
                continue
            seen.add(id(obj))
            yield qualified, obj
            if inspect.isclass(obj):
                for member, value in _members(obj):
                    yield "%s.%s" % (qualified, member), value


def test_every_public_name_has_a_docstring():
    names = list(public_names())
    # A class's own __doc__: inspect.getdoc would lend a subclass its base class's text.
    missing = [q for q, obj in names
               if not ((obj.__doc__ if inspect.isclass(obj) else inspect.getdoc(obj)) or "").strip()]
    assert not missing, "public names without a docstring:\n  " + "\n  ".join(missing)


def test_the_walk_sees_every_pillar_and_the_errors():
    # A walk that found nothing would pass the test above vacuously.
    names = {q for q, _ in public_names()}
    for expected in ("crmkit.Error", "crmkit.InvalidArgument", "crmkit.value.summarize",
                     "crmkit.value.Ledger.add_sale", "crmkit.quality", "crmkit.decision",
                     "crmkit.contact", "crmkit.process", "crmkit.complaint", "crmkit.io"):
        assert expected in names
    assert "crmkit.value.rfm.RfmOptions" not in names  # a ctypes mirror imported from _lib


def test_one_error_subclass_per_c_status():
    # Every status crm_status_string knows (CRM_EINVAL -1 .. CRM_ERROR -9, capi/crmkit/common.h)
    # raises its own subclass of crmkit.Error whose `status` is that code.
    statuses = {cls.status: cls for cls in vars(crmkit).values()
                if inspect.isclass(cls) and issubclass(cls, crmkit.Error)}
    assert sorted(statuses) == list(range(-9, 0))
    assert statuses[-9] is crmkit.Error
    for status in range(-8, 0):
        assert statuses[status] is not crmkit.Error
        text = crmkit._lib._dll.crm_status_string(status).decode()
        assert text and text != crmkit._lib._dll.crm_status_string(-9).decode()
