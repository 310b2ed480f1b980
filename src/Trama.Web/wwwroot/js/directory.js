// The directory's map and "my position". Everything here is an extra: without JavaScript, or
// without a tile server, the list and the search work the same.
(function () {
  'use strict';
  var near = document.getElementById('near');
  if (near) {
    near.addEventListener('change', function () {
      if (near.value !== 'me' || !navigator.geolocation) { return; }
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('lat').value = p.coords.latitude.toFixed(6);
        document.getElementById('lon').value = p.coords.longitude.toFixed(6);
      }, function () {
        near.value = '';
        window.alert(near.getAttribute('data-position-error'));
      });
    });
  }

  var element = document.getElementById('directory-map');
  if (!element || typeof L === 'undefined') { return; }
  var points = JSON.parse(element.getAttribute('data-points') || '[]');
  var map = L.map(element, { scrollWheelZoom: false });
  var tiles = element.getAttribute('data-tiles');
  if (tiles) {
    L.tileLayer(tiles, { maxZoom: 19, attribution: element.getAttribute('data-attribution') || '' }).addTo(map);
  }
  var bounds = [];
  points.forEach(function (p) {
    // Circle markers need no image, so the map reads the same with or without tiles.
    var marker = L.circleMarker([p.lat, p.lon], { radius: 8, color: '#0066cc', weight: 2, fillOpacity: 0.7 }).addTo(map);
    var link = document.createElement('a');
    link.href = p.url;
    link.textContent = p.name;
    var popup = document.createElement('div');
    popup.appendChild(link);
    popup.appendChild(document.createElement('br'));
    popup.appendChild(document.createTextNode(p.place));
    marker.bindPopup(popup);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
  } else {
    map.setView([45.5495, 9.2277], 14);
  }
})();
