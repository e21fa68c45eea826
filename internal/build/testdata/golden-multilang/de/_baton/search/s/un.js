batonSearch.shard("un",[
["un",["uns","CGA"]]
]);
