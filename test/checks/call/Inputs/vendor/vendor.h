// A vendor library's header, included with -isystem: its functions are
// compiled elsewhere and have no knowledge-base entry.
int vendor_poll(int channel);
