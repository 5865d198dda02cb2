/*
 * tokenize.c -- the sentence and token layer over the kept lines.
 *
 * Exports sr_tokenize().  One pass over each kept line makes tokens
 * (sitrep_token: byte offsets into the input, a kind and flags), repairs
 * glued words through src/clean/glue.c, records where the cleaned text
 * needs a space (doc->inserts) and cuts sentences.  Character classes come
 * from utf8proc (src/core/utf8.c), so "Dayr az-Zawr", "Zürich" and
 * "al‑Hol" tokenise as words.  Tokens go into one growable array per
 * document: there is no allocation per token.
 */
#include "doc.h"

#include "analyse/truecase.h"
#include "clean/glue.h"
#include "data/lex.h"
#include "data/lexicon.h"

#include <string.h>

/* Words after which a period does not end a sentence (data/abbreviations.txt). */
static bool is_abbrev(const char *s, size_t n)
{
    return n <= 6 && sr_wordset_has(&sr_abbreviations, s, n);
}

/* Words that usually start a sentence, after "U.S." (data/lex/tokenize.lex);
 * in text without case information only those reliable without it. */
static bool is_sentence_opener(const char *s, size_t n, bool caseless)
{
    sr_lexid id = n <= 16 ? sr_lex_find(s, n) : 0;
    if (!caseless)
        return sr_lex_in(id, SR_LEX_TOKENIZE_SENTENCE_OPENERS);
    return sr_lex_value(id, SR_LEX_TOKENIZE_SENTENCE_OPENERS, SR_LEXCOL_TOKENIZE_SENTENCE_OPENERS_CASELESS) ==
           SR_LEXE_TOKENIZE_SENTENCE_OPENERS_CASELESS_YES;
}

static uint16_t case_flags_utf8(const char *s, size_t n);

/* Classes of ASCII bytes for the tokenizer's fast paths. */
enum { CL_ALPHA = 1, CL_DIGIT = 2, CL_ALNUM = 3, CL_SPACE = 4, CL_UP = 8 };
static const unsigned char ascii_class[256] = {
    ['\t'] = CL_SPACE, ['\n'] = CL_SPACE, ['\v'] = CL_SPACE, ['\f'] = CL_SPACE,
    ['\r'] = CL_SPACE, [' '] = CL_SPACE,
    ['0'] = CL_DIGIT, ['1'] = CL_DIGIT, ['2'] = CL_DIGIT, ['3'] = CL_DIGIT, ['4'] = CL_DIGIT,
    ['5'] = CL_DIGIT, ['6'] = CL_DIGIT, ['7'] = CL_DIGIT, ['8'] = CL_DIGIT, ['9'] = CL_DIGIT,
    ['A'] = CL_ALPHA | CL_UP, ['B'] = CL_ALPHA | CL_UP, ['C'] = CL_ALPHA | CL_UP, ['D'] = CL_ALPHA | CL_UP, ['E'] = CL_ALPHA | CL_UP,
    ['F'] = CL_ALPHA | CL_UP, ['G'] = CL_ALPHA | CL_UP, ['H'] = CL_ALPHA | CL_UP, ['I'] = CL_ALPHA | CL_UP, ['J'] = CL_ALPHA | CL_UP,
    ['K'] = CL_ALPHA | CL_UP, ['L'] = CL_ALPHA | CL_UP, ['M'] = CL_ALPHA | CL_UP, ['N'] = CL_ALPHA | CL_UP, ['O'] = CL_ALPHA | CL_UP,
    ['P'] = CL_ALPHA | CL_UP, ['Q'] = CL_ALPHA | CL_UP, ['R'] = CL_ALPHA | CL_UP, ['S'] = CL_ALPHA | CL_UP, ['T'] = CL_ALPHA | CL_UP,
    ['U'] = CL_ALPHA | CL_UP, ['V'] = CL_ALPHA | CL_UP, ['W'] = CL_ALPHA | CL_UP, ['X'] = CL_ALPHA | CL_UP, ['Y'] = CL_ALPHA | CL_UP,
    ['Z'] = CL_ALPHA | CL_UP,
    ['a'] = CL_ALPHA, ['b'] = CL_ALPHA, ['c'] = CL_ALPHA, ['d'] = CL_ALPHA, ['e'] = CL_ALPHA,
    ['f'] = CL_ALPHA, ['g'] = CL_ALPHA, ['h'] = CL_ALPHA, ['i'] = CL_ALPHA, ['j'] = CL_ALPHA,
    ['k'] = CL_ALPHA, ['l'] = CL_ALPHA, ['m'] = CL_ALPHA, ['n'] = CL_ALPHA, ['o'] = CL_ALPHA,
    ['p'] = CL_ALPHA, ['q'] = CL_ALPHA, ['r'] = CL_ALPHA, ['s'] = CL_ALPHA, ['t'] = CL_ALPHA,
    ['u'] = CL_ALPHA, ['v'] = CL_ALPHA, ['w'] = CL_ALPHA, ['x'] = CL_ALPHA, ['y'] = CL_ALPHA,
    ['z'] = CL_ALPHA};

typedef struct tok_state {
    sitrep_doc *doc;
    bool oom;
    bool caseless; /* the document's case says nothing (truecase.h): it is
                    * read lower-cased, and capitals mark no sentence start */
} tok_state;

static inline void push_tok(tok_state *st, uint32_t start, uint32_t end, uint16_t kind,
                            uint16_t flags)
{
    sr_buf *b = &st->doc->tokens;
    sitrep_token t = {start, end, kind, flags};
    if (b->cap - b->len > sizeof t) { /* room reserved up front: the common case */
        memcpy(b->data + b->len, &t, sizeof t);
        b->len += sizeof t;
    } else if (!SR_VEC_PUSH(b, sitrep_token, t)) {
        st->oom = true;
    }
}

static void push_insert(tok_state *st, uint32_t at)
{
    if (!SR_VEC_PUSH(&st->doc->inserts, uint32_t, at))
        st->oom = true;
}

static uint16_t case_flags(const char *s, size_t n)
{
    /* ASCII words: no decoding. */
    size_t letters = 0, upper = 0;
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++) {
        unsigned char c = (unsigned char)s[i];
        ascii = c < 0x80;
        bool up = c >= 'A' && c <= 'Z';
        letters += up || (c >= 'a' && c <= 'z');
        upper += up;
    }
    if (ascii) {
        uint16_t f = 0;
        size_t i = 0;
        while (i < n && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            i++;
        if (i < n && s[i] >= 'A' && s[i] <= 'Z')
            f |= SITREP_TOKF_CAP;
        if (letters >= 2 && upper == letters)
            f |= SITREP_TOKF_ALLCAPS;
        return f;
    }
    return case_flags_utf8(s, n);
}

static uint16_t case_flags_utf8(const char *s, size_t n)
{
    size_t letters = 0, upper = 0;
    bool first_upper = false, seen = false;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += sr_utf8_decode(s, n, i, &cp);
        if (!sr_cp_is_letter(cp))
            continue;
        letters++;
        bool up = sr_cp_is_upper(cp);
        if (!seen) {
            first_upper = up;
            seen = true;
        }
        if (up)
            upper++;
    }
    uint16_t f = 0;
    if (first_upper)
        f |= SITREP_TOKF_CAP;
    if (letters >= 2 && upper == letters)
        f |= SITREP_TOKF_ALLCAPS;
    return f;
}

/* Emits the word src[s..e), split where glued. */
static void emit_word(tok_state *st, const char *src, uint32_t s, uint32_t e)
{
    size_t cuts[SR_GLUE_MAX_CUTS];
    size_t n = 0;
    if (e - s >= 5 && !st->caseless)
        n = sr_glue_split(src + s, e - s, cuts);
    uint32_t at = s;
    for (size_t i = 0; i <= n; i++) {
        uint32_t end = i < n ? s + (uint32_t)cuts[i] : e;
        if (end <= at)
            continue;
        push_tok(st, at, end, SITREP_TOK_WORD,
                 (uint16_t)(case_flags(src + at, end - at) | (n ? SITREP_TOKF_REPAIRED : 0)));
        if (i < n)
            push_insert(st, end);
        at = end;
    }
}

/* Emits a word of ASCII letters only, scanned with its capitals counted.
 * Only a word that could be glued goes to the splitter: an unknown
 * lower-case word, or one with an inner capital. */
static void emit_plain_word(tok_state *st, const char *src, uint32_t s, uint32_t e,
                            unsigned upper)
{
    uint32_t n = e - s;
    bool first_up = src[s] >= 'A' && src[s] <= 'Z';
    bool maybe_glued = upper > (first_up ? 1u : 0u) ||
                       (upper == 0 && n >= 5 &&
                        !sr_wordset_has_hash(&sr_dict_words, sr_word_hash_in(src + s, n, st->doc->len - s)));
    /* text without case information is not scraped prose: words are not
     * glued there, and an unknown word is more likely a name */
    if (st->caseless)
        maybe_glued = false;
    if (maybe_glued) {
        emit_word(st, src, s, e);
        return;
    }
    uint16_t f = SITREP_TOKF_PLAIN | (first_up ? SITREP_TOKF_CAP : 0);
    if (n >= 2 && upper == n)
        f |= SITREP_TOKF_ALLCAPS;
    push_tok(st, s, e, SITREP_TOK_WORD, f);
}

static bool is_word_joiner(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static bool is_inner_hyphen(int32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static bool is_symbol(int32_t cp)
{
    return cp == '$' || cp == '%' || cp == 0x20AC || cp == 0xA3 || cp == 0xA5 || cp == 0x20B9;
}

static bool is_closer(const char *src, const sitrep_token *t)
{
    if (t->kind != SITREP_TOK_PUNCT)
        return false;
    int32_t cp;
    sr_utf8_decode(src, t->end, t->start, &cp);
    return cp == '"' || cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']' || cp == '\'';
}

static bool is_opener_tok(const char *src, const sitrep_token *t, bool caseless)
{
    if (t->kind == SITREP_TOK_NUMBER)
        return true;
    if (t->kind == SITREP_TOK_WORD || t->kind == SITREP_TOK_SYMBOL)
        return (t->flags & SITREP_TOKF_CAP) != 0 || t->kind == SITREP_TOK_SYMBOL || caseless;
    int32_t cp;
    sr_utf8_decode(src, t->end, t->start, &cp);
    return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == '(' || cp == '[' || cp == '\'';
}

/* Cuts the tokens [first, last) of one paragraph into sentences. */
static void cut_sentences(tok_state *st, size_t first, size_t last)
{
    sitrep_doc *doc = st->doc;
    const char *src = doc->src;
    sitrep_token *tok = (sitrep_token *)(void *)doc->tokens.data;
    size_t begin = first;
    for (size_t i = first; i < last; i++) {
        const sitrep_token *t = &tok[i];
        bool end = false;
        size_t stop = i + 1; /* one past the last token of the sentence */
        if (t->kind == SITREP_TOK_PUNCT) {
            int32_t cp;
            sr_utf8_decode(src, t->end, t->start, &cp);
            if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
                while (stop < last && is_closer(src, &tok[stop]))
                    stop++;
                if (stop >= last)
                    end = true;
                else if (is_opener_tok(src, &tok[stop], st->caseless)) {
                    end = true;
                    if (cp == '.' && i > first && tok[i - 1].kind == SITREP_TOK_WORD &&
                        tok[i - 1].end == t->start) {
                        const sitrep_token *w = &tok[i - 1];
                        size_t wn = w->end - w->start;
                        if (is_abbrev(src + w->start, wn) ||
                            (wn == 1 && ((w->flags & SITREP_TOKF_CAP) || st->caseless)))
                            end = false;
                    }
                }
            }
        } else if (t->kind == SITREP_TOK_WORD && !(t->flags & SITREP_TOKF_PLAIN) &&
                   t->end - t->start >= 3 && src[t->end - 1] == '.' && i + 1 < last &&
                   tok[i + 1].kind == SITREP_TOK_WORD &&
                   is_sentence_opener(src + tok[i + 1].start, tok[i + 1].end - tok[i + 1].start,
                                      st->caseless) &&
                   ((tok[i + 1].flags & SITREP_TOKF_CAP) || st->caseless)) {
            end = true; /* "... in the U.S. The talks ..." */
        }
        if (!end)
            continue;
        sitrep_sentence s = {(uint32_t)begin, (uint32_t)(stop - begin),
                             {tok[begin].start, tok[stop - 1].end}};
        if (!SR_VEC_PUSH(&doc->sentences, sitrep_sentence, s))
            st->oom = true;
        tok = (sitrep_token *)(void *)doc->tokens.data;
        tok[begin].flags |= SITREP_TOKF_SENT_START;
        begin = stop;
        i = stop - 1;
    }
    if (begin < last) {
        sitrep_sentence s = {(uint32_t)begin, (uint32_t)(last - begin),
                             {tok[begin].start, tok[last - 1].end}};
        if (!SR_VEC_PUSH(&doc->sentences, sitrep_sentence, s))
            st->oom = true;
        tok = (sitrep_token *)(void *)doc->tokens.data;
        tok[begin].flags |= SITREP_TOKF_SENT_START;
    }
}

static void tokenize_line(tok_state *st, uint32_t ls, uint32_t le)
{
    const char *src = st->doc->src;
    uint32_t i = ls;
    while (i < le) {
        if ((unsigned char)src[i] == ' ') {
            i++;
            continue;
        }
        int32_t cp;
        uint32_t k = (uint32_t)sr_utf8_decode(src, le, i, &cp);
        if (sr_cp_is_space(cp)) {
            i += k;
            continue;
        }
        uint32_t s = i;
        if (sr_cp_is_letter(cp)) {
            bool dotted = false;
            /* While the word stays plain ASCII letters, count its capitals. */
            bool plain = cp < 0x80;
            unsigned upper = plain ? (ascii_class[cp] & CL_UP) != 0 : 0;
            i += k;
            while (i < le) {
                /* ASCII letters and digits: a table lookup per byte. */
                unsigned seen = 0;
                for (; i < le; i++) {
                    unsigned char c = (unsigned char)src[i];
                    unsigned cl = ascii_class[c]; /* 0 for bytes >= 0x80 */
                    if (!(cl & CL_ALNUM))
                        break;
                    seen |= cl;
                    upper += cl >> 3; /* CL_UP */
                }
                if (seen & CL_DIGIT)
                    plain = false;
                if (i >= le)
                    break;
                /* A space or ASCII punctuation other than - ' . ends the
                 * word: the common case, decided without decoding. */
                unsigned char b = (unsigned char)src[i];
                if (b < 0x80 && b != '-' && b != '\'' && b != '.')
                    break;
                int32_t c2;
                uint32_t k2 = (uint32_t)sr_utf8_decode(src, le, i, &c2);
                if (sr_cp_is_letter(c2) || sr_cp_is_digit(c2)) {
                    plain = false;
                    i += k2;
                    continue;
                }
                if (i + k2 < le && (is_word_joiner(c2) || is_inner_hyphen(c2) || c2 == '.')) {
                    int32_t c3;
                    sr_utf8_decode(src, le, i + k2, &c3);
                    if (c2 == '.') {
                        /* Initialisms: U.S., U.N., e.g. -- one letter between dots. */
                        int32_t cprev;
                        size_t pv = sr_utf8_prev(src, i);
                        sr_utf8_decode(src, le, pv, &cprev);
                        bool single = pv == s || (pv > s && src[pv - 1] == '.');
                        if (single && sr_cp_is_letter(c3)) {
                            dotted = true;
                            plain = false;
                            i += k2;
                            continue;
                        }
                        break;
                    }
                    if (sr_cp_is_letter(c3) || (is_inner_hyphen(c2) && sr_cp_is_digit(c3))) {
                        plain = false;
                        i += k2;
                        continue;
                    }
                }
                break;
            }
            if (dotted && i < le && src[i] == '.') {
                i++; /* the closing dot of U.S. */
                /* "U.S.-led": a hyphenated word may follow the initialism */
                int32_t h, c3;
                uint32_t kh = i < le ? (uint32_t)sr_utf8_decode(src, le, i, &h) : 0;
                if (kh && is_inner_hyphen(h) && i + kh < le) {
                    sr_utf8_decode(src, le, i + kh, &c3);
                    if (sr_cp_is_letter(c3)) {
                        i += kh;
                        while (i < le) {
                            uint32_t k4 = (uint32_t)sr_utf8_decode(src, le, i, &c3);
                            if (!sr_cp_is_letter(c3) && !is_inner_hyphen(c3))
                                break;
                            i += k4;
                        }
                    }
                }
            }
            if (plain && i - s < 64) {
                emit_plain_word(st, src, s, i, upper);
            } else {
                emit_word(st, src, s, i);
            }
            continue;
        }
        if (sr_cp_is_digit(cp)) {
            i += k;
            while (i < le) {
                int32_t c2;
                uint32_t k2 = (uint32_t)sr_utf8_decode(src, le, i, &c2);
                if (sr_cp_is_digit(c2) || sr_cp_is_letter(c2)) {
                    i += k2;
                    continue;
                }
                if ((c2 == ',' || c2 == '.') && i + 1 < le && src[i + 1] >= '0' && src[i + 1] <= '9') {
                    i += k2;
                    continue;
                }
                break;
            }
            push_tok(st, s, i, SITREP_TOK_NUMBER, 0);
            continue;
        }
        i += k;
        push_tok(st, s, i, is_symbol(cp) ? SITREP_TOK_SYMBOL : SITREP_TOK_PUNCT, 0);
        /* Punctuation glued between two words: "desert,also", "State(ISIS)". */
        if (i < le && s > ls) {
            int32_t prev, next;
            sr_utf8_decode(src, le, sr_utf8_prev(src, s), &prev);
            sr_utf8_decode(src, le, i, &next);
            if (sr_cp_is_letter(prev) && sr_cp_is_letter(next)) {
                if (cp == ',' || cp == ';' || cp == ')')
                    push_insert(st, i);
                else if (cp == '(')
                    push_insert(st, s);
                else if (cp == '.' && sr_cp_is_upper(next) && sr_cp_is_lower(prev)) {
                    /* "region.The": a period between a lower-case word of 2+
                     * letters and a capital letter. */
                    size_t pp = sr_utf8_prev(src, sr_utf8_prev(src, s));
                    int32_t p2;
                    sr_utf8_decode(src, le, pp, &p2);
                    if (sr_cp_is_lower(p2))
                        push_insert(st, i);
                }
            }
        }
    }
}

/* Does the period ending at `e` (one past it) close an abbreviation rather
 * than a sentence: a word of the abbreviations list ("Gen."), a dotted
 * initialism ("U.S.", "a.m.") or a single letter ("John F.")?  Then the
 * line's end says nothing, and cut_sentences decides from the next word as
 * it does within a line ("the U.S.\nEmbassy" is one sentence, "the
 * U.S.\nThe talks" two). */
static bool ends_in_abbrev(const char *src, uint32_t start, uint32_t e)
{
    uint32_t w = e - 1; /* the period */
    bool dotted = false;
    while (w > start) {
        unsigned char c = (unsigned char)src[w - 1];
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            w--;
        else if (c == '.' && w - 1 > start && ((unsigned char)src[w - 2] | 0x20) >= 'a' &&
                 ((unsigned char)src[w - 2] | 0x20) <= 'z') {
            dotted = true;
            w--;
        } else
            break;
    }
    if (w > start && (unsigned char)src[w - 1] > ' ')
        return false; /* "3.", "word)." or a non-ASCII letter: not a plain word */
    size_t n = e - 1 - w;
    if (n == 0)
        return false;
    if (dotted)
        return true;
    return n == 1 || is_abbrev(src + w, n);
}

/* Does the line end a sentence (. ! ? or an ellipsis, maybe followed by
 * closing quotes or brackets)? */
static bool line_is_terminal(const char *src, const sr_line *ln)
{
    uint32_t e = ln->end;
    while (e > ln->start) {
        size_t p = sr_utf8_prev(src, e);
        int32_t cp;
        sr_utf8_decode(src, e, p, &cp);
        if (cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019) {
            e = (uint32_t)p;
            continue;
        }
        if (cp == '.' && e == ln->end && ends_in_abbrev(src, ln->start, e))
            return false;
        return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':';
    }
    return true;
}

/* Is `ln` the wrapped continuation of `prev` (hard-wrapped text)? Same
 * paragraph, `prev` ends mid-sentence, and `ln` starts in lower case or
 * `prev` is too long to be a heading. */
static bool continues(const char *src, const sr_line *prev, const sr_line *ln, bool caseless)
{
    if (prev && (ln->flags & SR_LINE_INLINE) && prev->para == ln->para)
        return true; /* one HTML block, past an inline tag */
    if (!prev || prev->para != ln->para || line_is_terminal(src, prev))
        return false;
    int32_t cp;
    sr_utf8_decode(src, ln->end, ln->start, &cp);
    return (sr_cp_is_lower(cp) && !caseless) || prev->words >= 8;
}

sitrep_status sr_tokenize(sitrep_doc *doc)
{
    tok_state st = {doc, false, false};
    /* text in capitals or in lower case is read lower-cased, then given
     * the case of edited prose (truecase.h) */
    doc->caseless = (uint8_t)sr_case_profile(doc);
    if (doc->caseless != SR_CASE_MIXED) {
        if (sr_case_fold_copy(doc) != SITREP_OK)
            return SITREP_ENOMEM;
        st.caseless = true;
    }
    size_t nlines = SR_VEC_COUNT(&doc->lines, sr_line);
    const sr_line *prev = NULL;
    size_t group = 0; /* first token of the sentence run being built */
    for (size_t li = 0; li < nlines; li++) {
        const sr_line *ln = &SR_VEC_AT(&doc->lines, sr_line, li);
        if (ln->drop)
            continue;
        size_t first = SR_VEC_COUNT(&doc->tokens, sitrep_token);
        if (!continues(doc->src, prev, ln, st.caseless)) {
            if (first > group)
                cut_sentences(&st, group, first);
            group = first;
        }
        tokenize_line(&st, ln->start, ln->end);
        size_t last = SR_VEC_COUNT(&doc->tokens, sitrep_token);
        if (last > first && group == first)
            SR_VEC_AT(&doc->tokens, sitrep_token, first).flags |= SITREP_TOKF_PARA_START;
        prev = ln;
        if (st.oom)
            return SITREP_ENOMEM;
    }
    size_t end = SR_VEC_COUNT(&doc->tokens, sitrep_token);
    if (end > group)
        cut_sentences(&st, group, end);
    if (st.oom)
        return SITREP_ENOMEM;
    if (st.caseless)
        return sr_truecase(doc, (sitrep_token *)(void *)doc->tokens.data, end);
    return SITREP_OK;
}

sitrep_status sr_tokenize_dropped(sitrep_doc *doc, unsigned reason, sr_buf *out)
{
    /* The line tokenizer writes into doc->tokens: lend it `out`. */
    /* ... and its sentences and inserts, which belong to the body: the
     * captions' go to scratch buffers and are dropped. */
    sr_buf keep_tokens = doc->tokens, keep_inserts = doc->inserts,
           keep_sentences = doc->sentences;
    doc->tokens = *out;
    sr_buf_init(&doc->inserts, doc->mem);
    sr_buf_init(&doc->sentences, doc->mem);
    tok_state st = {doc, false, doc->caseless != 0};
    size_t first_caption = SR_VEC_COUNT(&doc->tokens, sitrep_token);
    size_t nlines = SR_VEC_COUNT(&doc->lines, sr_line);
    for (size_t li = 0; li < nlines && !st.oom; li++) {
        const sr_line *ln = &SR_VEC_AT(&doc->lines, sr_line, li);
        if (ln->drop != reason)
            continue;
        size_t first = SR_VEC_COUNT(&doc->tokens, sitrep_token);
        tokenize_line(&st, ln->start, ln->end);
        size_t last = SR_VEC_COUNT(&doc->tokens, sitrep_token);
        if (last > first) {
            cut_sentences(&st, first, last);
            SR_VEC_AT(&doc->tokens, sitrep_token, first).flags |= SITREP_TOKF_PARA_START;
        }
    }
    size_t ncap = SR_VEC_COUNT(&doc->tokens, sitrep_token);
    if (!st.oom && st.caseless && ncap > first_caption &&
        sr_truecase(doc, (sitrep_token *)(void *)doc->tokens.data + first_caption,
                    ncap - first_caption) != SITREP_OK)
        st.oom = true;
    *out = doc->tokens;
    sr_buf_free(&doc->inserts);
    sr_buf_free(&doc->sentences);
    doc->tokens = keep_tokens;
    doc->inserts = keep_inserts;
    doc->sentences = keep_sentences;
    return st.oom ? SITREP_ENOMEM : SITREP_OK;
}
