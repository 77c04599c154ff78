-- A retention purge deletes prospects by the batch: their contact requests are found by prospect, not scanned.
create index contact_request_prospect_idx on contact_request (prospect_id);
