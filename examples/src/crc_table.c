/* CRC-8 (polynomial 0x07): bitwise reference and a lookup table built at start-up. */
#include "sensor_node/crc.h"

#include <stdlib.h>
#include <string.h>

static uint8_t crc_lut[256];
static int crc_lut_ready = 0;

static uint8_t crc8_step(uint8_t crc)
{
    for (int bit = 0; bit < 8; ++bit) {
        crc = (crc & 0x80u) ? (uint8_t)((crc << 1) ^ 0x07u) : (uint8_t)(crc << 1);
    }
    return crc;
}

uint8_t crc8_bitwise(const uint8_t *data, size_t len)
{
    uint8_t crc = 0;
    for (size_t i = 0; i < len; ++i) {
        crc = crc8_step((uint8_t)(crc ^ data[i]));
    }
    return crc;
}

int crc_table_init(void)
{
    static const uint8_t probe[] = { '1', '2', '3', '4', '5', '6', '7', '8', '9' };
    uint8_t *scratch = malloc(sizeof crc_lut);
    if (scratch == NULL) {
        return -1;
    }
    for (unsigned i = 0; i < 256u; ++i) {
        scratch[i] = crc8_step((uint8_t)i);
    }
    /* Self-test the new table against the reference before publishing it. */
    uint8_t crc = 0;
    for (size_t i = 0; i < sizeof probe; ++i) {
        crc = scratch[crc ^ probe[i]];
    }
    const int ok = crc == crc8_bitwise(probe, sizeof probe);
    if (ok) {
        memcpy(crc_lut, scratch, sizeof crc_lut);
        crc_lut_ready = 1;
    }
    free(scratch);
    return ok ? 0 : -1;
}

uint8_t crc8(const uint8_t *data, size_t len)
{
    if (!crc_lut_ready) {
        return crc8_bitwise(data, len);
    }
    uint8_t crc = 0;
    for (size_t i = 0; i < len; ++i) {
        crc = crc_lut[crc ^ data[i]];
    }
    return crc;
}
