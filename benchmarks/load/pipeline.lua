-- wrk script: HTTP/1.1 pipelining, N requests for GET of the URL's path written back to back.
--
--   wrk -t1 -c50 -d10s -s benchmarks/load/pipeline.lua http://127.0.0.1:8080/plaintext -- 16
--
-- N is the first script argument (default 16). wrk counts every response, so requests/s are
-- responses/s; the latency it reports is per batch of N.

init = function(args)
   local depth = tonumber(args[1]) or 16
   local r = {}
   for i = 1, depth do
      r[i] = wrk.format("GET", wrk.path)
   end
   req = table.concat(r)
end

request = function()
   return req
end
