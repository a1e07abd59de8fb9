// placeholder entry, replaced by the host
console.log('cscert');
