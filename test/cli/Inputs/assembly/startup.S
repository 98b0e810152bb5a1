#define STACK_TOP 0x20001000
    .global Reset_Handler
Reset_Handler:
    ldr sp, =STACK_TOP
    bl main
