    .section .vectors
    .word Reset_Handler
