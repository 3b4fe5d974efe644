/**
 * The only script: live updates on list pages. The page works without it.
 * With EventSource it listens to /api/v1/stream (docs/live.md): a story of
 * this page's region that turns breaking, or arrives breaking, is added at
 * the top of the breaking strip at once, and the notice offers a reload for
 * the rest of the page. Without EventSource, every 60 s it asks the API for
 * breaking stories newer than the page and, if there are any, shows the
 * reload link. It never rewrites what the reader is reading. Disabled when
 * time travelling (?at=), where nothing changes.
 *
 * The cards' "updated … ago" times (time.ago) and outlet counts (.n-out in
 * an element with data-story) follow the stream too: every event carries the
 * story's lastSeenAt and outlets and the desk's clock (`now`), and the times
 * are recounted from that clock, not the browser's: a replay or demo desk
 * lives in December 2023. When the page's time is within ten minutes of the
 * browser's, the desk runs on the wall clock and the times also move every
 * 30 s between events. The words are those of components/parts.ts ago().
 */
export const DESK_JS = String.raw`(function(){
var box=document.getElementById('live');if(!box)return;
var since=box.getAttribute('data-since');var region=box.getAttribute('data-region')||'';
var added=0;
var anchor={desk:Date.parse(since),wall:Date.now()};var wall=Math.abs(anchor.desk-anchor.wall)<600000;
function deskNow(){return anchor.desk+(wall?Date.now()-anchor.wall:0)}
function plural(n,a,b){return n+' '+(n===1?a:b)}
function ago(iso){var m=Math.max(0,Math.round((deskNow()-Date.parse(iso))/60000));if(m<60)return m+' min ago';var h=Math.round(m/60);if(h<48)return h+' h ago';return Math.round(h/24)+' days ago'}
function times(){var t=document.querySelectorAll('time.ago');for(var i=0;i<t.length;i++){var d=t[i].getAttribute('datetime');if(!d||isNaN(Date.parse(d)))continue;var x=ago(d);if(t[i].textContent!==x)t[i].textContent=x}}
function grew(s){var els=document.querySelectorAll('[data-story]');for(var i=0;i<els.length;i++){if(els[i].getAttribute('data-story')!==s.id)continue;
var t=els[i].querySelector('time.ago');if(t&&s.lastSeenAt&&s.lastSeenAt>(t.getAttribute('datetime')||''))t.setAttribute('datetime',s.lastSeenAt);
var o=els[i].querySelector('.n-out');if(o&&typeof s.outlets==='number')o.textContent=plural(s.outlets,'outlet','outlets')}}
function notice(text){box.querySelector('span').textContent=text;box.className='live show notice'}
function tick(){var u='/api/v1/stories?phase=breaking&limit=20'+(region?'&region='+encodeURIComponent(region):'');
fetch(u,{headers:{accept:'application/json'}}).then(function(r){return r.ok?r.json():null}).then(function(j){if(!j)return;
var n=0;for(var i=0;i<j.stories.length;i++){if(j.stories[i].firstSeenAt>since)n++}
if(n>0)notice(n+(n===1?' new breaking story':' new breaking stories'))}).catch(function(){})}
function show(s){var strip=document.querySelector('section.breaking ul');var href='/story/'+encodeURIComponent(s.id);
if(!strip){var main=document.querySelector('main .wrap')||document.querySelector('main');if(main){var sec=document.createElement('section');sec.className='breaking';var h=document.createElement('h2');h.className='kicker';h.textContent='Breaking';strip=document.createElement('ul');sec.appendChild(h);sec.appendChild(strip);main.insertBefore(sec,main.firstChild)}}
if(strip){if(strip.querySelector('a[href="'+href+'"]'))return;
var li=document.createElement('li');li.className='new';var a=document.createElement('a');a.href=href;a.textContent=s.headline;
var m=document.createElement('span');m.className='meta';m.setAttribute('data-story',s.id);var o=document.createElement('span');o.className='n-out';o.textContent=s.outlets+' outlets';m.appendChild(o);li.appendChild(a);li.appendChild(m);strip.insertBefore(li,strip.firstChild)}
added++;notice(added+(added===1?' story turned breaking':' stories turned breaking')+' since you opened the page')}
if(window.EventSource){var es=new EventSource('/api/v1/stream');
function on(e){try{var d=JSON.parse(e.data);var s=d.story;if(d.now&&!isNaN(Date.parse(d.now)))anchor={desk:Date.parse(d.now),wall:Date.now()};
if(s){grew(s);if(e.type!=='update'&&s.phase==='breaking'&&(!region||s.region===region))show(s)}times()}catch(x){}}
es.addEventListener('phase',on);es.addEventListener('story',on);es.addEventListener('update',on);if(wall)setInterval(times,30000);
es.addEventListener('reset',function(){notice('The desk has changed')})}
else setInterval(tick,60000)})();`;
