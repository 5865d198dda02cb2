/*
 * test_jsonw.c -- core/jsonw.c writes the bytes jansson's compact,
 * order-preserving dump writes: every value here is written both ways and
 * compared, and text that is not UTF-8 is refused by both.
 */
#include "core/jsonw.h"
#include "test.h"

#include <jansson.h>
#include <math.h>

static char *ours(const json_t *v, int precision)
{
    sr_buf b;
    sr_buf_init(&b, sr_mem_or_default(NULL));
    if (!sr_jsonw_value(&b, v, precision)) {
        sr_buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : strdup("");
}

static char *theirs(const json_t *v, int precision)
{
    return json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(precision));
}

static void same(json_t *v, int precision)
{
    char *a = ours(v, precision), *b = theirs(v, precision);
    CHECK_STR(a, b);
    free(a);
    free(b);
    json_decref(v);
}

int main(void)
{
    /* strings: quotes, backslashes, every control character, DEL, slashes,
     * two-, three- and four-byte characters, an embedded NUL */
    same(json_string("plain words, 12 dead"), 8);
    same(json_string("a \"quoted\" word and a back\\slash / a slash"), 8);
    for (int ch = 1; ch < 0x20; ch++) {
        char s[4] = {'x', (char)ch, 'y', 0};
        same(json_string(s), 8);
    }
    same(json_string("del \x7f end"), 8);
    same(json_string("caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x99s \xf0\x9f\x98\x80 \xe4\xb8\xad"), 8);
    same(json_stringn("nul\0inside", 10), 8);
    same(json_string(""), 8);
    /* numbers: integers at the edges, reals as %.8g and as %.17g */
    json_int_t ints[] = {0, 1, -1, 42, -907, 2147483648LL, -9223372036854775807LL - 1, 9223372036854775807LL};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
        same(json_integer(ints[i]), 8);
    double reals[] = {0.0,    -0.0,   1.0,    -2.0,      0.5,     1.6e8,    1.25e-5,  3.0e100, -4.5e-100,
                      1e16,   1e17,   12345678.9, 123456789.0, 0.0001, 0.00001, 2000000.0, 9999999.0,
                      36.0192, 136.8821, -33.8688, 1.0 / 3.0, 1e-7, 1e21, 5e-324,
                      99999999.0, -99999999.0, 100000000.0, 160000000.0, 1234.0, -7.0, 4503599627370497.0};
    for (size_t i = 0; i < sizeof reals / sizeof *reals; i++) {
        same(json_real(reals[i]), 8);
        same(json_real(reals[i]), 0);
        same(json_real(reals[i]), 3);
    }
    /* containers: members in insertion order, nested, empty */
    json_t *o = json_object();
    json_object_set_new(o, "type", json_string("claim"));
    json_object_set_new(o, "b", json_true());
    json_object_set_new(o, "a", json_false());
    json_object_set_new(o, "none", json_null());
    json_object_set_new(o, "key \"q\"\n", json_integer(3));
    json_t *arr = json_array();
    json_array_append_new(arr, json_real(2.5));
    json_array_append_new(arr, json_array());
    json_array_append_new(arr, json_object());
    json_array_append_new(arr, json_string("\t"));
    json_object_set_new(o, "list", arr);
    json_object_set_new(o, "z", json_object());
    same(o, 8);
    same(json_array(), 8);
    /* text that is not UTF-8 is refused, as jansson refuses it when it
     * is not asked to check on the way in */
    const char *bad[] = {"\x80", "\xc0\xaf", "\xc3", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                         "\xf5\x80\x80\x80", "ok \xff", "\xe2\x82"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        json_t *v = json_stringn_nocheck(bad[i], strlen(bad[i]));
        char *a = ours(v, 8), *b = theirs(v, 8);
        CHECK(a == NULL && b == NULL);
        free(a);
        free(b);
        json_decref(v);
    }
    return test_summary();
}
