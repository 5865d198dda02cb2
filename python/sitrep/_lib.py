"""ctypes binding of libsitrep's public API (include/sitrep.h).

Only what the Python package uses is declared here.  The library is found,
in this order, at:

1. the path in the environment variable SITREP_LIBRARY;
2. the library this package was installed with (``_installed.py``,
   written by ``cmake --install``);
3. the build tree beside a source checkout (``build/libsitrep.so.0``);
4. ``libsitrep.so.0`` on the system's library path.
"""

import ctypes
import os
import tempfile

SONAME = "libsitrep.so.0"

# sitrep_status
OK, DONE, ENOMEM, EIO, EARG, EEMPTY, EBINARY, EUTF8, ETOOBIG, EJSON, EFORMAT, EBUSY, EFULL, EDB = range(14)

# SITREP_JSON_*
JSON_TEXT = 1


class SitrepError(Exception):
    """A libsitrep call failed; ``status`` is its sitrep_status."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status


class Options(ctypes.Structure):
    """struct sitrep_options (sitrep.h): kept in step with the header."""

    _fields_ = [
        ("mem", ctypes.c_void_p),
        ("max_input_bytes", ctypes.c_size_t),
        ("skip", ctypes.c_uint),
        ("json_flags", ctypes.c_uint),
        ("want", ctypes.c_void_p),
        ("want_ctx", ctypes.c_void_p),
    ]


class Hints(ctypes.Structure):
    """struct sitrep_doc_hints."""

    _fields_ = [
        ("url", ctypes.c_char_p),
        ("title", ctypes.c_char_p),
        ("published", ctypes.c_char_p),
        ("outlet", ctypes.c_char_p),
    ]


# int (*sitrep_write_fn)(const char *data, size_t len, void *ctx)
WRITE_FN = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
# sitrep_store_article_fn: an article's id and its outcome (STORE_*)
ARTICLE_FN = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_void_p)
STORE_ADDED, STORE_KNOWN, STORE_ID_TAKEN = range(3)


def _candidates():
    env = os.environ.get("SITREP_LIBRARY")
    if env:
        yield env
        return
    try:
        from . import _installed  # written by cmake --install

        yield _installed.LIBRARY
    except ImportError:
        pass
    here = os.path.dirname(os.path.abspath(__file__))
    yield os.path.join(here, os.pardir, os.pardir, "build", SONAME)
    yield SONAME


def _load():
    errors = []
    for path in _candidates():
        if os.sep in path and not os.path.exists(path):
            errors.append("%s: not there" % path)
            continue
        try:
            return ctypes.CDLL(path)
        except OSError as e:
            errors.append(str(e))
    raise ImportError(
        "sitrep: cannot load libsitrep (build it with `make`, install it with "
        "`cmake --install`, or set SITREP_LIBRARY): " + "; ".join(errors)
    )


lib = _load()

_P = ctypes.c_void_p
_S = ctypes.c_int  # sitrep_status


def _fn(name, restype, *argtypes, required=True):
    f = getattr(lib, name, None)
    if f is None:
        if required:
            raise ImportError("sitrep: the library lacks %s (an older libsitrep?)" % name)
        return None
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


strerror = _fn("sitrep_strerror", ctypes.c_char_p, _S)
version = _fn("sitrep_version", ctypes.c_char_p)
options_init = _fn("sitrep_options_init", None, ctypes.POINTER(Options))

doc_from_memory = _fn(
    "sitrep_doc_from_memory",
    _S,
    ctypes.c_char_p,
    ctypes.c_char_p,
    ctypes.c_size_t,
    ctypes.POINTER(Hints),
    ctypes.POINTER(Options),
    ctypes.POINTER(_P),
)
doc_free = _fn("sitrep_doc_free", None, _P)
doc_write_json = _fn("sitrep_doc_write_json", _S, _P, ctypes.c_uint, WRITE_FN, _P)

reader_new = _fn("sitrep_reader_new", _S, ctypes.POINTER(Options), ctypes.POINTER(_P))
reader_add = _fn("sitrep_reader_add", _S, _P, ctypes.c_char_p)
reader_next = _fn("sitrep_reader_next", _S, _P, ctypes.POINTER(_P))
reader_message = _fn("sitrep_reader_message", ctypes.c_char_p, _P)
reader_skipped = _fn("sitrep_reader_skipped", ctypes.c_size_t, _P)
reader_free = _fn("sitrep_reader_free", None, _P)

corpus_new = _fn("sitrep_corpus_new", _S, ctypes.POINTER(Options), ctypes.POINTER(_P))
corpus_add = _fn("sitrep_corpus_add", _S, _P, _P)
corpus_add_mentions = _fn("sitrep_corpus_add_mentions", _S, _P, _P)
corpus_finish = _fn("sitrep_corpus_finish", _S, _P, required=False)
corpus_finish_range = _fn("sitrep_corpus_finish_range", _S, _P, ctypes.c_double, ctypes.c_double, required=False)
corpus_write_json = _fn("sitrep_corpus_write_json", _S, _P, ctypes.c_uint, WRITE_FN, _P)
corpus_free = _fn("sitrep_corpus_free", None, _P)
corpus_write_json_part = _fn("sitrep_corpus_write_json_part", _S, _P, ctypes.c_uint, ctypes.c_size_t,
                             ctypes.c_size_t, WRITE_FN, _P)
corpus_write_json_range = _fn("sitrep_corpus_write_json_range", _S, _P, ctypes.c_uint, ctypes.c_double,
                              ctypes.c_double, WRITE_FN, _P, required=False)
corpus_write_corroboration = _fn("sitrep_corpus_write_corroboration", _S, _P, WRITE_FN, _P, required=False)
corpus_add_corroboration = _fn("sitrep_corpus_add_corroboration", _S, _P, ctypes.c_char_p, ctypes.c_size_t,
                               required=False)
# the corroboration in two parts that travel apart: the stories as soon as
# they are linked, the rest when the corroboration is done
corpus_write_stories = _fn("sitrep_corpus_write_stories", _S, _P, WRITE_FN, _P, required=False)
corpus_write_corroboration_rest = _fn("sitrep_corpus_write_corroboration_rest", _S, _P, WRITE_FN, _P,
                                      required=False)
corpus_add_stories = _fn("sitrep_corpus_add_stories", _S, _P, ctypes.c_char_p, ctypes.c_size_t, required=False)
corpus_add_corroboration_rest = _fn("sitrep_corpus_add_corroboration_rest", _S, _P, ctypes.c_char_p,
                                    ctypes.c_size_t, required=False)
# the same, for bytes given by address (a file mapped: sitrep.dask)
corpus_add_corroboration_rest_at = None
if corpus_add_corroboration_rest is not None:
    corpus_add_corroboration_rest_at = lib["sitrep_corpus_add_corroboration_rest"]  # a function object of its own
    corpus_add_corroboration_rest_at.restype = _S
    corpus_add_corroboration_rest_at.argtypes = [_P, ctypes.c_void_p, ctypes.c_size_t]
SECTIONS = 8  # SITREP_SECTIONS: documents, stories, entities, claims, events, conflicts, trends, mentions
corpus_write_snapshot = _fn("sitrep_corpus_write_snapshot", _S, _P, WRITE_FN, _P)
corpus_write_snapshot_level = _fn("sitrep_corpus_write_snapshot_level", _S, _P, ctypes.c_int, WRITE_FN, _P)
corpus_add_snapshot = _fn("sitrep_corpus_add_snapshot", _S, _P, ctypes.c_char_p, ctypes.c_size_t)
# the same, for bytes given by address (a file mapped: Corpus.add_snapshot_file)
corpus_add_snapshot_at = lib["sitrep_corpus_add_snapshot"]  # a function object of its own
corpus_add_snapshot_at.restype = _S
corpus_add_snapshot_at.argtypes = [_P, ctypes.c_void_p, ctypes.c_size_t]
corpus_keep_articles = _fn("sitrep_corpus_keep_articles", _S, _P)

store_open = _fn("sitrep_store_open", _S, ctypes.c_char_p, ctypes.POINTER(Options), ctypes.POINTER(_P))
store_add = _fn("sitrep_store_add", _S, _P, _P, ctypes.POINTER(ctypes.c_int))
store_add_corpus = _fn("sitrep_store_add_corpus", _S, _P, _P, ARTICLE_FN, _P)
store_commit = _fn("sitrep_store_commit", _S, _P)
store_count = _fn("sitrep_store_count", ctypes.c_size_t, _P, ctypes.c_char_p)
store_message = _fn("sitrep_store_message", ctypes.c_char_p, _P)
store_close = _fn("sitrep_store_close", None, _P)


def check(status, what=""):
    """Raises SitrepError unless status is OK."""
    if status != OK:
        msg = strerror(status).decode("utf-8", "replace")
        raise SitrepError(status, "%s: %s" % (what, msg) if what else msg)


def write_file(path, call, what):
    """What the library writes through `call(fn)` (fn a sitrep_write_fn;
    `call` returns the library's status) into the file `path`, beside it
    first, then renamed into place; returns the bytes written.  A failure
    leaves no file behind and raises, `what` naming the step."""
    d, name = os.path.split(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + name + ".", dir=d)
    n, err = [0], []

    def write(data, length, ctx):
        try:
            view = memoryview((ctypes.c_char * length).from_address(data)).cast("B")
            while view:
                k = os.write(fd, view)
                view = view[k:]
                n[0] += k
            return 0
        except Exception as e:  # an exception cannot cross the C library
            err.append(e)
            return -1

    try:
        st = call(WRITE_FN(write))
        if err:
            raise err[0]
        check(st, what)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return n[0]


class Collector:
    """A sitrep_write_fn gathering what the library writes, as bytes pieces
    (the corpus writes one record per call)."""

    def __init__(self):
        self.parts = []

        def write(data, length, ctx):
            self.parts.append(ctypes.string_at(data, length))
            return 0

        self.fn = WRITE_FN(write)  # kept alive with the collector

    def take(self):
        parts, self.parts = self.parts, []
        return parts
