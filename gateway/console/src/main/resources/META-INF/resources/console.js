// Small enhancements over server-rendered pages: charts from the tables' data, copy, confirm.
document.addEventListener('DOMContentLoaded', () => {
  if (window.Chart) {
    document.querySelectorAll('canvas[data-chart]').forEach(canvas => {
      const data = JSON.parse(canvas.dataset.chart);
      new Chart(canvas, {
        type: canvas.dataset.kind || 'bar',
        data: { labels: data.labels, datasets: [{ label: 'USD', data: data.values, backgroundColor: '#1f5fbf', borderColor: '#1f5fbf' }] },
        options: { animation: false, responsive: true, plugins: { legend: { display: false } } }
      });
    });
  }
  document.querySelectorAll('[data-copy]').forEach(button => {
    button.addEventListener('click', async () => {
      const field = document.querySelector(button.dataset.copy);
      const status = button.parentElement.querySelector('[data-copied]');
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
      } catch (e) {
        document.execCommand('copy');
      }
      if (status) status.textContent = 'Copied';
    });
  });
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
});
