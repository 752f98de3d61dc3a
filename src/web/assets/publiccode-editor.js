// Progressive enhancement of the publiccode.yml pages (served as is, no build step): a file chosen
// on the computer fills the textarea its group names. The pages work without it, by pasting.
for (const group of document.querySelectorAll('[data-fills]')) {
  const input = group.querySelector('input[type=file]')
  const target = document.getElementById(group.dataset.fills)
  if (!input || !target) continue
  group.hidden = false
  input.addEventListener('change', async () => {
    group.classList.remove('fr-upload-group--error')
    group.querySelector('.fr-error-text')?.remove()
    const file = input.files?.[0]
    if (!file) return
    // A huge file would freeze the page in the textarea; the server refuses it anyway.
    if (file.size > Number(group.dataset.maxBytes)) {
      const message = document.createElement('p')
      message.className = 'fr-error-text'
      message.id = `${input.id}-error`
      message.textContent = group.dataset.tooLarge
      group.classList.add('fr-upload-group--error')
      input.setAttribute('aria-describedby', message.id)
      group.append(message)
      return
    }
    target.value = await file.text()
  })
}
