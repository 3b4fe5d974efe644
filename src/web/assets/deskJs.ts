/**
 * The only script: live updates on list pages. The page works without it.
 * Every 60 s it asks the API for breaking stories newer than the page and, if
 * there are any, shows a link to reload (never rewrites what the reader is
 * reading). Disabled when time travelling (?at=), where nothing changes.
 */
export const DESK_JS = String.raw`(function(){
var box=document.getElementById('live');if(!box)return;
var since=box.getAttribute('data-since');var region=box.getAttribute('data-region')||'';
function tick(){var u='/api/v1/stories?phase=breaking&limit=20'+(region?'&region='+encodeURIComponent(region):'');
fetch(u,{headers:{accept:'application/json'}}).then(function(r){return r.ok?r.json():null}).then(function(j){if(!j)return;
var n=0;for(var i=0;i<j.stories.length;i++){if(j.stories[i].firstSeenAt>since)n++}
if(n>0){box.querySelector('span').textContent=n+(n===1?' new breaking story':' new breaking stories');box.className='live show notice'}}).catch(function(){})}
setInterval(tick,60000)})();`;
