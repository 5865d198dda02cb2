/*
 * mkset.c -- build-time generator: compiles word lists into a C hash set.
 *
 *   mkset [--phrases] [--lower-only|--capital-only|--allcaps-only] NAME OUT.c LIST...
 *
 * --lower-only keeps only entries written in lower case in the list (the
 * common words of a dictionary, not its proper nouns: "mobile", not
 * "Baghdad"); --capital-only only those with a capital first letter and a
 * lower-case letter after it (its proper nouns: "Baghdad", "Turkey");
 * --allcaps-only only those of two or more letters, all capitals ("NATO",
 * "US").  The three together tell a word's usual case (analyse/truecase.c).
 *
 * Reads every LIST (one entry per line; '#' starts a comment line; entries
 * with a non-ASCII byte are skipped, and so are entries with an apostrophe
 * or a space unless --phrases is given), folds them to lower
 * case, removes duplicates and writes OUT.c defining
 *
 *   const sr_wordset NAME = { pool, fingerprints, mask, count };
 *
 * an open-addressing table of 32-bit fingerprints of the 64-bit hashes
 * (src/data/wordhash.h) of the lower-cased entries (see src/data/lexicon.c); `pool` keeps
 * the words themselves, NUL-separated, for tools and debugging.  The build runs it over the system
 * dictionary (Debian's wamerican by default) and the project's data files.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wordhash.h"

int main(int argc, char **argv)
{
    int phrases = argc > 1 && strcmp(argv[1], "--phrases") == 0;
    if (phrases) {
        argc--;
        argv++;
    }
    /* 1 lower-only, 2 capital-only, 3 allcaps-only */
    int only = 0;
    if (argc > 1 && strcmp(argv[1], "--lower-only") == 0)
        only = 1;
    else if (argc > 1 && strcmp(argv[1], "--capital-only") == 0)
        only = 2;
    else if (argc > 1 && strcmp(argv[1], "--allcaps-only") == 0)
        only = 3;
    if (only) {
        argc--;
        argv++;
    }
    if (argc < 4) {
        fprintf(stderr, "usage: mkset [--phrases] [--lower-only|--capital-only|--allcaps-only] "
                        "NAME OUT.c LIST...\n");
        return 2;
    }
    size_t cap = 1 << 16, n = 0, pool_len = 0, pool_cap = 1 << 20;
    char **words = malloc(cap * sizeof *words);
    char *pool = malloc(pool_cap);
    if (!words || !pool)
        return 1;
    char line[512];
    for (int f = 3; f < argc; f++) {
        FILE *in = fopen(argv[f], "r");
        if (!in) {
            fprintf(stderr, "mkset: cannot open %s\n", argv[f]);
            return 1;
        }
        while (fgets(line, sizeof line, in)) {
            size_t len = strcspn(line, "\r\n");
            line[len] = '\0';
            if (len == 0 || line[0] == '#')
                continue;
            if (only == 1 && !(line[0] >= 'a' && line[0] <= 'z'))
                continue;
            if (only >= 2) {
                size_t up = 0, low = 0;
                for (size_t i = 0; i < len; i++) {
                    up += line[i] >= 'A' && line[i] <= 'Z';
                    low += line[i] >= 'a' && line[i] <= 'z';
                }
                bool cap = line[0] >= 'A' && line[0] <= 'Z';
                if (only == 2 ? !(cap && low > 0) : !(cap && low == 0 && up >= 2))
                    continue;
            }
            int ok = 1;
            for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char)line[i];
                if (c >= 0x80 || (!phrases && (c == '\'' || c == ' ')))
                    ok = 0;
                if (c >= 'A' && c <= 'Z')
                    line[i] = (char)(c + 32);
            }
            if (!ok)
                continue;
            if (n == cap) {
                cap *= 2;
                words = realloc(words, cap * sizeof *words);
                if (!words)
                    return 1;
            }
            words[n++] = strdup(line);
        }
        fclose(in);
    }
    /* Load factor at most 0.6 (duplicates are counted in n, so it is lower). */
    size_t slots = 1;
    while (slots * 3 < n * 5 + 5)
        slots <<= 1;
    uint32_t *table = calloc(slots, sizeof *table);
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        uint64_t h = sr_word_hash(words[i], len);
        size_t s = (size_t)(h & (slots - 1));
        int dup = 0;
        while (table[s]) {
            const char *w = pool + table[s] - 1;
            if (strcmp(w, words[i]) == 0) {
                dup = 1;
                break;
            }
            s = (s + 1) & (slots - 1);
        }
        if (dup)
            continue;
        if (pool_len + len + 1 >= pool_cap) {
            pool_cap *= 2;
            pool = realloc(pool, pool_cap);
            if (!pool)
                return 1;
        }
        memcpy(pool + pool_len, words[i], len + 1);
        table[s] = (uint32_t)pool_len + 1;
        pool_len += len + 1;
        count++;
    }
    FILE *out = fopen(argv[2], "w");
    if (!out)
        return 1;
    fprintf(out, "/* Generated by tools/mkset.c; do not edit. */\n"
                 "#include \"lexicon.h\"\n\nstatic const char pool[] =\n");
    for (size_t i = 0; i < pool_len;) {
        fputs("    \"", out);
        size_t col = 0;
        while (i < pool_len && col < 100) {
            if (pool[i] == '\0')
                fputs("\\000", out);
            else
                fputc(pool[i], out);
            i++;
            col++;
        }
        fputs("\"\n", out);
    }
    /* The lookup table: each word's 64-bit hash picks its first slot with
     * its low bits and is stored as a 32-bit fingerprint (its high bits,
     * never 0).  Built by a second insertion pass in word order. */
    uint32_t *fp = calloc(slots, sizeof *fp);
    for (size_t i = 0; i < slots; i++) {
        if (!table[i])
            continue;
        const char *w = pool + table[i] - 1;
        uint64_t h = sr_word_hash(w, strlen(w));
        uint32_t f = (uint32_t)(h >> 32);
        if (f == 0)
            f = 1;
        size_t s2 = (size_t)(h & (slots - 1));
        while (fp[s2])
            s2 = (s2 + 1) & (slots - 1);
        fp[s2] = f;
    }
    fprintf(out, "    ;\nstatic const uint32_t fingerprints[%zu] = {\n", slots);
    for (size_t i = 0; i < slots; i++)
        fprintf(out, "%uu,%s", fp[i], (i % 8 == 7) ? "\n" : "");
    fprintf(out, "};\nconst sr_wordset %s = {pool, fingerprints, %zuu, %zuu};\n",
            argv[1], slots - 1, count);
    fclose(out);
    return 0;
}
