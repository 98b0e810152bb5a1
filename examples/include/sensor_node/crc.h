/* CRC-8 (polynomial 0x07) used to protect telemetry frames. */
#ifndef SENSOR_NODE_CRC_H
#define SENSOR_NODE_CRC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int crc_table_init(void); /* once at start-up; returns 0 on success */
uint8_t crc8(const uint8_t *data, size_t len);
uint8_t crc8_bitwise(const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* SENSOR_NODE_CRC_H */
