-- The inbox is pruned by age (InboxPruning): find old rows without reading the whole table.
create index processed_event_processed_at_idx on processed_event (processed_at);
