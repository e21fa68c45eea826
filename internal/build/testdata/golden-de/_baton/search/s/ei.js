batonSearch.shard("ei",[
["ein",["ein","CHBCHD"]],
["einstieg",["einstieg","AKACAAFHA"]]
]);
