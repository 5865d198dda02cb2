/*
 * fuzz_jsonl.c -- the reader over a JSON Lines file holding the input.
 *
 * The input is written to a .jsonl file in a private temporary directory
 * (the reader only reads paths).  When it does not already start with '{'
 * (after blanks and a BOM) a one-line record "{}" is put in front so the
 * reader always takes the JSON Lines path.  The reader then runs until
 * SITREP_DONE: it must end within (lines + inputs + 2) calls, every
 * document must pass fz_check_doc and stay within the size limit, every
 * skip must be counted and named "PATH:LINE: ..." with a line that exists.
 *
 * The size limit depends on the input length (len % 3: default, 64, 512)
 * so the over-long-record paths are reached with small inputs.  A missing
 * file is queued after the JSONL file to check the reader goes on.
 */
#include "fuzz_reader_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fz_tmpdir();
    char path[128], missing[128];
    snprintf(path, sizeof path, "%s/records.jsonl", dir);
    snprintf(missing, sizeof missing, "%s/missing.jsonl", dir);

    static const char prefix[] = "{}\n";
    bool prefixed = !starts_with_brace(data, size);
    uint8_t *file = malloc(size + sizeof prefix);
    FZ_ASSERT(file != NULL);
    size_t flen = 0;
    if (prefixed) {
        memcpy(file, prefix, sizeof prefix - 1);
        flen = sizeof prefix - 1;
    }
    if (size)
        memcpy(file + flen, data, size);
    flen += size;
    fz_write_file(path, file, flen);
    size_t lines = fz_count_lines(file, flen);
    free(file);

    sitrep_options opts;
    sitrep_options_init(&opts);
    static const size_t limits[] = {0, 64, 512};
    if (limits[size % 3])
        opts.max_input_bytes = limits[size % 3];
    opts.mem = &fz_mem;
    fz_mem_reset(-1);

    sitrep_reader *r = NULL;
    FZ_ASSERT(sitrep_reader_new(&opts, &r) == SITREP_OK);
    FZ_ASSERT(sitrep_reader_add(r, path) == SITREP_OK);
    FZ_ASSERT(sitrep_reader_add(r, missing) == SITREP_OK);
    const char *paths[] = {path, missing};
    fz_result res = fz_drive(r, paths, 2, lines + 2 + 2, opts.max_input_bytes, lines + 1, NULL);
    FZ_ASSERT(res.errors >= 1); /* the missing file */
    if (prefixed)
        FZ_ASSERT(res.errors >= 2); /* the "{}" record */
    sitrep_reader_free(r);
    FZ_ASSERT(fz_live == 0);
    return 0;
}
