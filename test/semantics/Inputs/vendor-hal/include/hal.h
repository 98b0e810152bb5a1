/* A vendor SDK's header, as a package manager or an imported CMake target
 * reaches it (-isystem); the SDK is compiled apart (hal.c). */
#pragma once
int hal_uart_send(const char *buf, int n);
int hal_uart_ready(void);
