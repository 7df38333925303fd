// The block functions of SHA-256 and SHA-1 on the x86 SHA extensions: a build hashes every file
// of the workspace (page keys) and every exported STIX object (version 5 UUIDs), and the portable
// Swift rounds ran at about 150 MB/s. The Swift code stays the reference and the fallback; tests
// hold the two to the same digests.
#include "CDigestKernels.h"

const uint32_t dossier_sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};


#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

int dossier_sha_extensions_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    const int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    const int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}


__attribute__((target("sha,ssse3,sse4.1")))
void dossier_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count) {
    // Big-endian words of the message, in lanes 0-3.
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // The instructions keep the state as (A, B, E, F) and (C, D, G, H).
    __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i cdab = _mm_shuffle_epi32(dcba, 0xB1);
    __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1B);
    __m128i abef = _mm_alignr_epi8(cdab, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, cdab, 0xF0);

    for (; count > 0; count--, blocks += 64) {
        const __m128i abefStart = abef, cdghStart = cdgh;
        // m[i % 4] holds schedule words 4i..4i+3 while rounds 4i..4i+3 run.
        __m128i m[4];
#pragma clang loop unroll(full)
        for (int group = 0; group < 16; group++) {
            __m128i *w = &m[group % 4];
            if (group < 4) {
                *w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * group)), byteswap);
            } else {
                // W[t] = s1(W[t-2]) + W[t-7] + s0(W[t-15]) + W[t-16], four words at a time.
                const __m128i previous = m[(group + 3) % 4];
                const __m128i sevenBack = _mm_alignr_epi8(previous, m[(group + 2) % 4], 4);
                *w = _mm_sha256msg2_epu32(_mm_add_epi32(_mm_sha256msg1_epu32(*w, m[(group + 1) % 4]), sevenBack), previous);
            }
            __m128i sum = _mm_add_epi32(*w, _mm_loadu_si128((const __m128i *)&dossier_sha256_k[4 * group]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sum);
            sum = _mm_shuffle_epi32(sum, 0x0E);
            // Two rounds each: the first leaves the new (A, B, E, F) in cdgh and the old one, the
            // new (C, D, G, H), in abef; the second puts them back in their places.
            abef = _mm_sha256rnds2_epu32(abef, cdgh, sum);
        }
        abef = _mm_add_epi32(abef, abefStart);
        cdgh = _mm_add_epi32(cdgh, cdghStart);
    }

    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#define SHA1_GROUPS(first, function)                                                                     \
    _Pragma("clang loop unroll(full)")                                                                   \
    for (int group = first; group < first + 5; group++) {                                                \
        __m128i *w = &m[group % 4];                                                                      \
        if (group < 4) {                                                                                 \
            *w = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(blocks + 16 * group)), byteswap);    \
        } else {                                                                                         \
            /* W[t] = rotl1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16]), four words at a time. */                 \
            *w = _mm_sha1msg2_epu32(_mm_xor_si128(_mm_sha1msg1_epu32(*w, m[(group + 1) % 4]), m[(group + 2) % 4]), \
                m[(group + 3) % 4]);                                                                     \
        }                                                                                                \
        const __m128i e = group == 0 ? _mm_add_epi32(eStart, *w) : _mm_sha1nexte_epu32(previous, *w);    \
        previous = abcd;                                                                                 \
        abcd = _mm_sha1rnds4_epu32(abcd, e, function);                                                   \
    }

__attribute__((target("sha,ssse3,sse4.1")))
void dossier_sha1_blocks(uint32_t state[5], const uint8_t *blocks, size_t count) {
    // The whole block reversed: big-endian words, word 0 in the highest lane, as the
    // instructions expect.
    const __m128i byteswap = _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)state), 0x1B);
    __m128i eState = _mm_set_epi32((int)state[4], 0, 0, 0);

    for (; count > 0; count--, blocks += 64) {
        const __m128i abcdStart = abcd, eStart = eState;
        __m128i m[4];
        // E of the next four rounds is derived from A four rounds back.
        __m128i previous = abcd;
        SHA1_GROUPS(0, 0)
        SHA1_GROUPS(5, 1)
        SHA1_GROUPS(10, 2)
        SHA1_GROUPS(15, 3)
        eState = _mm_sha1nexte_epu32(previous, eStart);
        abcd = _mm_add_epi32(abcd, abcdStart);
    }

    _mm_storeu_si128((__m128i *)state, _mm_shuffle_epi32(abcd, 0x1B));
    state[4] = (uint32_t)_mm_extract_epi32(eState, 3);
}

#else

int dossier_sha_extensions_available(void) { return 0; }
void dossier_sha256_blocks(uint32_t state[8], const uint8_t *blocks, size_t count) { (void)state; (void)blocks; (void)count; }
void dossier_sha1_blocks(uint32_t state[5], const uint8_t *blocks, size_t count) { (void)state; (void)blocks; (void)count; }

#endif
