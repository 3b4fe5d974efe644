/**
 * The only script: live updates on list pages. The page works without it.
 * With EventSource it listens to /api/v1/stream (docs/live.md): a story of
 * this page's region that turns breaking, or arrives breaking, is added at
 * the top of the breaking strip at once, and the notice offers a reload for
 * the rest of the page. Without EventSource, every 60 s it asks the API for
 * breaking stories newer than the page and, if there are any, shows the
 * reload link. It never rewrites what the reader is reading. Disabled when
 * time travelling (?at=), where nothing changes.
 */
export const DESK_JS = String.raw`(function(){
var box=document.getElementById('live');if(!box)return;
var since=box.getAttribute('data-since');var region=box.getAttribute('data-region')||'';
var added=0;
function notice(text){box.querySelector('span').textContent=text;box.className='live show notice'}
function tick(){var u='/api/v1/stories?phase=breaking&limit=20'+(region?'&region='+encodeURIComponent(region):'');
fetch(u,{headers:{accept:'application/json'}}).then(function(r){return r.ok?r.json():null}).then(function(j){if(!j)return;
var n=0;for(var i=0;i<j.stories.length;i++){if(j.stories[i].firstSeenAt>since)n++}
if(n>0)notice(n+(n===1?' new breaking story':' new breaking stories'))}).catch(function(){})}
function show(s){var strip=document.querySelector('section.breaking ul');var href='/story/'+encodeURIComponent(s.id);
if(strip){if(strip.querySelector('a[href="'+href+'"]'))return;
var li=document.createElement('li');li.className='new';var a=document.createElement('a');a.href=href;a.textContent=s.headline;
var m=document.createElement('span');m.className='meta';m.textContent=s.outlets+' outlets';li.appendChild(a);li.appendChild(m);strip.insertBefore(li,strip.firstChild)}
added++;notice(added+(added===1?' story turned breaking':' stories turned breaking')+' since you opened the page')}
if(window.EventSource){var es=new EventSource('/api/v1/stream');
function on(e){try{var d=JSON.parse(e.data);var s=d.story;if(s&&s.phase==='breaking'&&(!region||s.region===region))show(s)}catch(x){}}
es.addEventListener('phase',on);es.addEventListener('story',on);
es.addEventListener('reset',function(){notice('The desk has changed')})}
else setInterval(tick,60000)})();`;
