batonSearch.shard("co",[
["conductor",["conductor","EGABEACGA"]]
]);
