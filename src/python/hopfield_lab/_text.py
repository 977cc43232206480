"""Keyword values as the core's setting text (one grammar: src/core/settings.hpp)."""

import numbers

# Python keywords whose core key is spelled differently (snake_case -> camelCase).
_SPELLINGS = {"gain_function": "gainFunction", "max_sweeps": "maxSweeps"}


def key_of(name):
    """The core's key for a Python keyword: gain_function -> gainFunction."""
    if name in _SPELLINGS:
        return _SPELLINGS[name]
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def text_of(name, value):
    """A keyword's value as the core reads it: True -> "on", 0.1 -> "0.1", (1000, 0.01) ->
    "1000:0.01"."""
    kind = type(value)  # the common types first: a recall converts five values
    if kind is str:
        return value
    if kind is int:
        return str(value)
    if kind is float:
        return repr(value)
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return "on" if value else "off"
    if isinstance(value, numbers.Integral):
        return str(int(value))
    if isinstance(value, numbers.Real):
        return repr(float(value))
    if isinstance(value, str):
        return value
    if isinstance(value, (tuple, list)):
        return ":".join(text_of(name, v) for v in value)
    raise TypeError(f"{name}= expects a number, a bool or text, not {type(value).__name__}")


def pythonic(message):
    """A core message with its keys spelled as the Python keywords."""
    for name, key in _SPELLINGS.items():
        message = message.replace(key, name)
    return message


class _Translated:
    """Re-raises a core ValueError with the keys spelled as Python keywords."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, tb):
        if kind is not None and issubclass(kind, ValueError) and error.args:
            text = pythonic(str(error.args[0]))
            if text != error.args[0]:
                error.args = (text,) + tuple(error.args[1:])
        return False


translated = _Translated()
